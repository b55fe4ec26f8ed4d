using System.Text;
using Sharply.CPython.Raw;

namespace Sharply.CPython;

/// <summary>
/// The one guarded boundary between CPython and .NET. Every entry point from C runs its body through
/// <c>Boundary.Call</c>, or catches every exception itself and hands it to <see cref="SetError"/> (the
/// function trampoline and the heap types' getters, whose frames this saves: the JIT does not inline a
/// method with a catch clause), so no .NET exception ever crosses into C (that would kill the process).
/// </summary>
public static unsafe class Boundary
{
    private static readonly List<(Func<Exception, bool> Matches, nint PythonType)> Mappings = [];

    /// <summary>Raises exceptions of type <typeparamref name="TException"/> as <paramref name="pythonType"/>
    /// (checked before the built-in mappings, most recently registered first).</summary>
    public static void Map<TException>(nint pythonType) where TException : Exception =>
        Mappings.Insert(0, (static e => e is TException, pythonType));

    /// <summary>Sets the Python error for <paramref name="error"/> (the caller then returns NULL / -1).</summary>
    public static void SetError(Exception error)
    {
        try
        {
            switch (error)
            {
                case PythonException:
                    if (CApi.PyErr_Occurred() == 0) Raise(CApi.PyExc_SystemError, "error return without exception set");
                    return;
                case OperationCanceledException:
                    // Ctrl-C: PyErr_CheckSignals already set KeyboardInterrupt (or whatever the handler raised).
                    if (CApi.PyErr_Occurred() == 0) Raise(CApi.PyExc_KeyboardInterrupt, "");
                    return;
            }
            foreach ((Func<Exception, bool> matches, nint type) in Mappings)
                if (matches(error))
                {
                    Raise(type, error.Message);
                    return;
                }
            Raise(BuiltinType(error), BuiltinMessage(error));
        }
        catch (Exception)
        {
            // Raising itself failed (out of memory, or the C API could not be resolved): report what we can.
            try
            {
                CApi.PyErr_NoMemory();
            }
            catch (Exception)
            {
                // Nothing can be reported; CPython will raise SystemError for a NULL result without an error.
            }
        }
    }

    private static nint BuiltinType(Exception error) => error switch
    {
        PyTypeErrorException or InvalidCastException => CApi.PyExc_TypeError,
        PyIndexErrorException or IndexOutOfRangeException => CApi.PyExc_IndexError,
        PyAttributeErrorException => CApi.PyExc_AttributeError,
        OutOfMemoryException or InsufficientExecutionStackException => CApi.PyExc_MemoryError,
        OverflowException => CApi.PyExc_OverflowError,
        ArgumentException or FormatException => CApi.PyExc_ValueError,
        NotSupportedException or NotImplementedException => CApi.PyExc_NotImplementedError,
        _ => CApi.PyExc_RuntimeError,
    };

    private static string BuiltinMessage(Exception error) => error switch
    {
        ArgumentException argument => argument.Message,
        OutOfMemoryException => "out of memory",
        PyTypeErrorException or PyIndexErrorException or PyAttributeErrorException or FormatException or OverflowException
            or NotSupportedException or InvalidCastException or IndexOutOfRangeException => error.Message,
        // Unexpected: keep the .NET type and the innermost frame to make the bug report useful.
        _ => $"internal error ({error.GetType().Name}): {error.Message}",
    };

    /// <summary>Sets a Python exception of type <paramref name="type"/> with <paramref name="message"/>.</summary>
    public static void Raise(nint type, string message)
    {
        byte[] text = Encoding.UTF8.GetBytes(message + "\0");
        fixed (byte* p = text) CApi.PyErr_SetString(type, p);
    }

    /// <summary>Runs a body that takes one object (a getter, a unary slot) under the guard.</summary>
    public static nint Call(nint self, delegate*<Borrowed, Owned> body)
    {
        try
        {
            return body(new Borrowed(self)).Steal();
        }
        catch (Exception error)
        {
            SetError(error);
            return 0;
        }
    }

    /// <summary>Runs a body that takes one object and an index (a sequence slot) under the guard.</summary>
    public static nint Call(nint self, int index, delegate*<Borrowed, int, Owned> body)
    {
        try
        {
            return body(new Borrowed(self), index).Steal();
        }
        catch (Exception error)
        {
            SetError(error);
            return 0;
        }
    }

    /// <summary>
    /// Runs a body that has no caller to report a failure to (a destructor) under the guard: a failure goes to
    /// <c>sys.unraisablehook</c>, naming <paramref name="obj"/>, and an exception already pending is kept.
    /// </summary>
    public static void CallUnraisable(nint obj, delegate*<nint, void> body)
    {
        try
        {
            body(obj);
        }
        catch (Exception error)
        {
            nint type, value, traceback;
            CApi.PyErr_Fetch(&type, &value, &traceback);
            SetError(error);
            CApi.PyErr_WriteUnraisable(obj);
            CApi.PyErr_Restore(type, value, traceback);
        }
    }

    /// <summary>Runs a body that takes two objects (a subscript slot) under the guard.</summary>
    public static nint Call(nint self, nint other, delegate*<Borrowed, Borrowed, Owned> body)
    {
        try
        {
            return body(new Borrowed(self), new Borrowed(other)).Steal();
        }
        catch (Exception error)
        {
            SetError(error);
            return 0;
        }
    }

    /// <summary>Runs a body that takes two objects and an operator (a rich comparison slot) under the guard.</summary>
    public static nint Call(nint self, nint other, int op, delegate*<Borrowed, Borrowed, int, Owned> body)
    {
        try
        {
            return body(new Borrowed(self), new Borrowed(other), op).Steal();
        }
        catch (Exception error)
        {
            SetError(error);
            return 0;
        }
    }

    /// <summary>Runs a body that returns a number where -1 means an error (a hash or length slot) under the guard.</summary>
    public static nint CallValue(nint self, delegate*<Borrowed, nint> body)
    {
        try
        {
            return body(new Borrowed(self));
        }
        catch (Exception error)
        {
            SetError(error);
            return -1;
        }
    }

    /// <summary>Runs a body that returns a status (0 / -1 convention) under the guard.</summary>
    public static int CallStatus<TState>(TState state, delegate*<TState, int> body)
    {
        try
        {
            return body(state);
        }
        catch (Exception error)
        {
            SetError(error);
            return -1;
        }
    }
}
