"""A hand-built Arrow C Data Interface producer and reader in ctypes (tests only; the library uses none).

:class:`Producer` exports a field and array described by :class:`Field` / :class:`Node` through
``__arrow_c_array__`` (and :class:`StreamProducer` chunks through ``__arrow_c_stream__``), counting the
release callbacks it receives. :func:`read` walks exported capsules without moving anything out of them.
"""

import ctypes
import itertools
import struct

import numpy as np

c_int64, c_void_p, POINTER = ctypes.c_int64, ctypes.c_void_p, ctypes.POINTER


class ArrowSchema(ctypes.Structure):
    pass


class ArrowArray(ctypes.Structure):
    pass


class ArrowArrayStream(ctypes.Structure):
    pass


SchemaRelease = ctypes.CFUNCTYPE(None, POINTER(ArrowSchema))
ArrayRelease = ctypes.CFUNCTYPE(None, POINTER(ArrowArray))
StreamGetSchema = ctypes.CFUNCTYPE(ctypes.c_int, POINTER(ArrowArrayStream), POINTER(ArrowSchema))
StreamGetNext = ctypes.CFUNCTYPE(ctypes.c_int, POINTER(ArrowArrayStream), POINTER(ArrowArray))
StreamGetLastError = ctypes.CFUNCTYPE(c_void_p, POINTER(ArrowArrayStream))
StreamRelease = ctypes.CFUNCTYPE(None, POINTER(ArrowArrayStream))

ArrowSchema._fields_ = [
    ("format", ctypes.c_char_p),
    ("name", ctypes.c_char_p),
    ("metadata", c_void_p),
    ("flags", c_int64),
    ("n_children", c_int64),
    ("children", POINTER(POINTER(ArrowSchema))),
    ("dictionary", POINTER(ArrowSchema)),
    ("release", SchemaRelease),
    ("private_data", c_void_p),
]
ArrowArray._fields_ = [
    ("length", c_int64),
    ("null_count", c_int64),
    ("offset", c_int64),
    ("n_buffers", c_int64),
    ("n_children", c_int64),
    ("buffers", POINTER(c_void_p)),
    ("children", POINTER(POINTER(ArrowArray))),
    ("dictionary", POINTER(ArrowArray)),
    ("release", ArrayRelease),
    ("private_data", c_void_p),
]
ArrowArrayStream._fields_ = [
    ("get_schema", StreamGetSchema),
    ("get_next", StreamGetNext),
    ("get_last_error", StreamGetLastError),
    ("release", StreamRelease),
    ("private_data", c_void_p),
]

# Capsule names must outlive the capsules: module-level buffers.
_NAMES = {name: ctypes.create_string_buffer(name) for name in (b"arrow_schema", b"arrow_array", b"arrow_array_stream")}
_CapsuleDestructor = ctypes.CFUNCTYPE(None, c_void_p)
_capsule_new = ctypes.PYFUNCTYPE(ctypes.py_object, c_void_p, c_void_p, c_void_p)(("PyCapsule_New", ctypes.pythonapi))
_capsule_pointer_raw = ctypes.PYFUNCTYPE(c_void_p, c_void_p, c_void_p)(("PyCapsule_GetPointer", ctypes.pythonapi))
_capsule_pointer = ctypes.PYFUNCTYPE(c_void_p, ctypes.py_object, c_void_p)(("PyCapsule_GetPointer", ctypes.pythonapi))


def _destroy(struct_type, name):
    """The spec's capsule destructor: release the struct unless a consumer moved it out."""

    def destroy(capsule):
        target = struct_type.from_address(_capsule_pointer_raw(capsule, ctypes.addressof(_NAMES[name])))
        if target.release:
            target.release(ctypes.pointer(target))

    return _CapsuleDestructor(destroy)


_DESTRUCTORS = {
    b"arrow_schema": _destroy(ArrowSchema, b"arrow_schema"),
    b"arrow_array": _destroy(ArrowArray, b"arrow_array"),
    b"arrow_array_stream": _destroy(ArrowArrayStream, b"arrow_array_stream"),
}


def capsule(target, name):
    """A PyCapsule named ``name`` pointing at ctypes struct ``target`` (which the caller keeps alive)."""
    destructor = ctypes.cast(_DESTRUCTORS[name], c_void_p)
    return _capsule_new(ctypes.addressof(target), ctypes.addressof(_NAMES[name]), destructor)


def struct_of(capsule_object, name, struct_type):
    """The struct a capsule points at (borrowed: nothing is moved)."""
    return struct_type.from_address(_capsule_pointer(capsule_object, ctypes.addressof(_NAMES[name])))


def encode_metadata(metadata):
    """Arrow's binary metadata: int32 count, then int32-length-prefixed keys and values."""
    if metadata is None:
        return None
    out = struct.pack("<i", len(metadata))
    for key, value in metadata.items():
        for text in (key.encode(), value.encode()):
            out += struct.pack("<i", len(text)) + text
    return out


def decode_metadata(address):
    if not address:
        return {}
    count = ctypes.c_int32.from_address(address).value
    position, items = address + 4, {}
    for _ in range(count):
        texts = []
        for _ in range(2):
            size = ctypes.c_int32.from_address(position).value
            texts.append(ctypes.string_at(position + 4, size).decode())
            position += 4 + size
        items[texts[0]] = texts[1]
    return items


class Field:
    """An ArrowSchema to build: format, name, metadata (dict), children."""

    def __init__(self, format, name="", metadata=None, children=()):
        self.format, self.name, self.metadata, self.children = format, name, metadata, list(children)


class Node:
    """An ArrowArray to build: length, buffers (numpy arrays, bytes or None), children."""

    def __init__(self, length, buffers, children=(), null_count=0, offset=0):
        self.length, self.buffers, self.children = length, list(buffers), list(children)
        self.null_count, self.offset = null_count, offset


def geoarrow(extension, storage, crs=None):
    """``storage`` (a Field) tagged as GeoArrow extension type ``extension``."""
    metadata = {"ARROW:extension:name": extension}
    if crs is not None:
        metadata["ARROW:extension:metadata"] = '{"crs": "%s"}' % crs
    return Field(storage.format, storage.name, metadata, storage.children)


def _release_schema_tree(pointer):
    schema = pointer.contents
    for i in range(schema.n_children):
        child = schema.children[i]
        if child.contents.release:
            child.contents.release(child)
    schema.release = SchemaRelease()


def _release_array_tree(pointer):
    array = pointer.contents
    for i in range(array.n_children):
        child = array.children[i]
        if child.contents.release:
            child.contents.release(child)
    array.release = ArrayRelease()


_CHILD_SCHEMA_RELEASE = SchemaRelease(_release_schema_tree)
_CHILD_ARRAY_RELEASE = ArrayRelease(_release_array_tree)

# Exported roots not yet released, by private_data token: a consumer may release them after the test
# dropped the producer (for example from the .NET finalizer thread), so the callbacks are static and the
# producer stays alive here until then.
_LIVE = {}
_TOKENS = itertools.count(1)


def _register(producer):
    token = next(_TOKENS)
    _LIVE[token] = producer
    return token


def _release_root_schema(pointer):
    exporter = _LIVE.pop(pointer.contents.private_data)
    _release_schema_tree(pointer)
    exporter.schema_releases += 1


def _release_root_array(pointer):
    exporter = _LIVE.pop(pointer.contents.private_data)
    _release_array_tree(pointer)
    exporter.array_releases += 1


_ROOT_SCHEMA_RELEASE = SchemaRelease(_release_root_schema)
_ROOT_ARRAY_RELEASE = ArrayRelease(_release_root_array)


class Exporter:
    """Builds ArrowSchema / ArrowArray trees and counts the releases of their roots.

    Everything it builds is kept alive for the exporter's lifetime (releases only count and mark), and the
    exporter lives at least until its last export is released.
    """

    def __init__(self, field):
        self.field = field
        self.exports = 0
        self.schema_releases = 0
        self.array_releases = 0
        self._keep = []

    def build_schema(self, field, root=True):
        schema = ArrowSchema()
        schema.format = field.format.encode()
        schema.name = field.name.encode()
        metadata = encode_metadata(field.metadata)
        if metadata is not None:
            block = ctypes.create_string_buffer(metadata, len(metadata))
            self._keep.append(block)
            schema.metadata = ctypes.addressof(block)
        schema.flags = 2
        children = [self.build_schema(child, root=False) for child in field.children]
        schema.n_children = len(children)
        pointers = (POINTER(ArrowSchema) * max(1, len(children)))(*[ctypes.pointer(c) for c in children])
        schema.children = ctypes.cast(pointers, POINTER(POINTER(ArrowSchema)))
        schema.release = _ROOT_SCHEMA_RELEASE if root else _CHILD_SCHEMA_RELEASE
        schema.private_data = _register(self) if root else None
        self._keep.extend([schema, pointers, children])
        return schema

    def build_array(self, node, root=True):
        array = ArrowArray()
        array.length, array.null_count, array.offset = node.length, node.null_count, node.offset
        addresses = []
        for buffer in node.buffers:
            if buffer is None:
                addresses.append(None)
            elif isinstance(buffer, np.ndarray):
                addresses.append(buffer.ctypes.data)
            else:
                block = ctypes.create_string_buffer(bytes(buffer), max(1, len(buffer)))
                self._keep.append(block)
                addresses.append(ctypes.addressof(block))
        self._keep.append(node.buffers)
        buffers = (c_void_p * max(1, len(addresses)))(*addresses)
        array.n_buffers, array.buffers = len(addresses), ctypes.cast(buffers, POINTER(c_void_p))
        children = [self.build_array(child, root=False) for child in node.children]
        pointers = (POINTER(ArrowArray) * max(1, len(children)))(*[ctypes.pointer(c) for c in children])
        array.n_children = len(children)
        array.children = ctypes.cast(pointers, POINTER(POINTER(ArrowArray)))
        array.release = _ROOT_ARRAY_RELEASE if root else _CHILD_ARRAY_RELEASE
        array.private_data = _register(self) if root else None
        self._keep.extend([array, buffers, pointers, children])
        return array



class Producer(Exporter):
    """Exports ``field`` and ``node`` afresh on every ``__arrow_c_array__`` call."""

    def __init__(self, field, node):
        super().__init__(field)
        self.node = node

    def __arrow_c_array__(self, requested_schema=None):
        self.exports += 1
        schema, array = self.build_schema(self.field), self.build_array(self.node)
        return capsule(schema, b"arrow_schema"), capsule(array, b"arrow_array")


class StreamProducer(Exporter):
    """Exports ``field`` with one chunk per node through ``__arrow_c_stream__``; ``fail_at`` makes
    get_next fail (EIO) at that chunk."""

    def __init__(self, field, nodes, fail_at=None):
        super().__init__(field)
        self.nodes, self.fail_at = list(nodes), fail_at
        self.stream_releases = 0
        self._next = 0
        self._error = ctypes.create_string_buffer(b"chunk unavailable")
        self._callbacks = (
            StreamGetSchema(self._get_schema),
            StreamGetNext(self._get_next),
            StreamGetLastError(lambda stream: ctypes.addressof(self._error)),
            StreamRelease(self._release_stream),
        )

    def _get_schema(self, stream, output):
        ctypes.memmove(output, ctypes.addressof(self.build_schema(self.field)), ctypes.sizeof(ArrowSchema))
        return 0

    def _get_next(self, stream, output):
        if self._next == self.fail_at:
            return 5
        if self._next == len(self.nodes):
            output.contents.release = ArrayRelease()
            return 0
        chunk = self.build_array(self.nodes[self._next])
        self._next += 1
        ctypes.memmove(output, ctypes.addressof(chunk), ctypes.sizeof(ArrowArray))
        return 0

    def _release_stream(self, stream):
        stream.contents.release = StreamRelease()
        self.stream_releases += 1
        _LIVE.pop(stream.contents.private_data)

    def __arrow_c_stream__(self, requested_schema=None):
        self.exports += 1
        stream = ArrowArrayStream(*self._callbacks, _register(self))
        self._keep.append(stream)
        return capsule(stream, b"arrow_array_stream")


class Exported:
    """A walked ArrowSchema + ArrowArray pair: format, metadata, length, null count, buffer addresses."""

    def __init__(self, schema, array):
        self.format = schema.format.decode()
        self.name = schema.name.decode() if schema.name else ""
        self.metadata = decode_metadata(schema.metadata)
        self.length, self.null_count, self.offset = array.length, array.null_count, array.offset
        self.buffers = [array.buffers[i] for i in range(array.n_buffers)]
        self.children = [
            Exported(schema.children[i].contents, array.children[i].contents) for i in range(schema.n_children)
        ]
        assert array.n_children == schema.n_children

    def values(self, dtype, count):
        """``count`` values of the data buffer (buffer 1) as a numpy array (a copy)."""
        if count == 0:
            return np.empty(0, dtype)
        return np.frombuffer(ctypes.string_at(self.buffers[1], count * np.dtype(dtype).itemsize), dtype).copy()

    def is_valid(self, row):
        bits = self.buffers[0]
        return not bits or bool(ctypes.c_uint8.from_address(bits + (row >> 3)).value >> (row & 7) & 1)

    def binary_rows(self):
        """The rows of a Binary / Utf8 array: bytes, or None for a missing row."""
        offsets = self.values(np.int32, self.length + 1)
        rows = []
        for row in range(self.length):
            if not self.is_valid(row):
                rows.append(None)
            else:
                rows.append(ctypes.string_at(self.buffers[2] + int(offsets[row]), int(offsets[row + 1] - offsets[row])))
        return rows


def read(capsules):
    """Walks the (schema, array) capsule pair returned by ``__arrow_c_array__`` without moving it."""
    schema_capsule, array_capsule = capsules
    return Exported(struct_of(schema_capsule, b"arrow_schema", ArrowSchema), struct_of(array_capsule, b"arrow_array", ArrowArray))


def read_schema(schema_capsule):
    """Format and metadata of an ``arrow_schema`` capsule (and its children, recursively)."""
    schema = struct_of(schema_capsule, b"arrow_schema", ArrowSchema)

    def walk(s):
        return (s.format.decode(), decode_metadata(s.metadata), [walk(s.children[i].contents) for i in range(s.n_children)])

    return walk(schema)


def requested(field):
    """An ``arrow_schema`` capsule for ``field``, to pass as ``requested_schema``."""
    schema = Exporter(field).build_schema(field)
    return capsule(schema, b"arrow_schema")
