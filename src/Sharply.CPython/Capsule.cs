using System.Runtime.InteropServices;
using Sharply.CPython.Raw;

namespace Sharply.CPython;

/// <summary>
/// PyCapsule objects: a named native pointer handed between extension modules. A capsule made here owns its
/// pointer: a plain C# body frees it when Python frees the capsule, run by one shared, guarded destructor.
/// </summary>
public static unsafe class Capsule
{
    /// <summary>
    /// A capsule holding <paramref name="pointer"/> under <paramref name="name"/>, which must be a UTF-8 literal
    /// (<c>"name"u8</c>: NUL-terminated and never freed, as the capsule keeps the address). The capsule owns
    /// the pointer: <paramref name="free"/> runs exactly once, when the capsule is freed, or right away when
    /// the capsule cannot be created.
    /// </summary>
    public static Owned New(void* pointer, ReadOnlySpan<byte> name, delegate*<void*, void> free)
    {
        nint capsule = CApi.PyCapsule_New(pointer, name.AsPointer(), &Destroy);
        if (capsule == 0)
        {
            free(pointer);
            throw new PythonException();
        }
        // Cannot fail: the capsule is valid and was just created.
        CApi.PyCapsule_SetContext(capsule, free);
        return Owned.Checked(capsule);
    }

    /// <summary>True when <paramref name="obj"/> is a capsule named <paramref name="name"/> with a non-null pointer.</summary>
    public static bool IsValid(Borrowed obj, ReadOnlySpan<byte> name) => CApi.PyCapsule_IsValid(obj.Handle, name.AsPointer()) != 0;

    /// <summary>
    /// The pointer of a capsule named <paramref name="name"/> (a UTF-8 literal). TypeError, naming
    /// <paramref name="what"/>, when <paramref name="obj"/> is not such a capsule.
    /// </summary>
    public static void* Pointer(Borrowed obj, ReadOnlySpan<byte> name, string what)
    {
        if (!IsValid(obj, name))
            throw new PyTypeErrorException($"{what} must be a PyCapsule named '{System.Text.Encoding.UTF8.GetString(name)}', got {Describe(obj)}");
        return CApi.PyCapsule_GetPointer(obj.Handle, name.AsPointer());
    }

    /// <summary>"a PyCapsule named 'x'" or the object's type, for error messages.</summary>
    private static string Describe(Borrowed obj)
    {
        if (obj.TypeName != "PyCapsule") return $"'{obj.TypeName}'";
        byte* name = CApi.PyCapsule_GetName(obj.Handle);
        return name == null ? "an unnamed PyCapsule" : $"a PyCapsule named '{Marshal.PtrToStringUTF8((nint)name)}'";
    }

    [UnmanagedCallersOnly]
    private static void Destroy(nint capsule) => Boundary.CallUnraisable(capsule, &DestroyBody);

    private static void DestroyBody(nint capsule)
    {
        byte* name = CApi.PyCapsule_GetName(capsule);
        var free = (delegate*<void*, void>)CApi.PyCapsule_GetContext(capsule);
        free(CApi.PyCapsule_GetPointer(capsule, name));
    }
}
