namespace Sharply.CPython;

/// <summary>The arguments of a call, in parameter order; a parameter the caller left out (with no default) is null.</summary>
public readonly unsafe ref struct Arguments(ReadOnlySpan<nint> values, nint functionNameHandle, nint* names)
{
    private readonly ReadOnlySpan<nint> _values = values;

    /// <summary>The function's name, for error messages (looked up only when needed).</summary>
    public string FunctionName => (string)System.Runtime.InteropServices.GCHandle.FromIntPtr(functionNameHandle).Target!;

    /// <summary>The name of parameter <paramref name="index"/> as the caller knows it (a method's renamed
    /// parameters included), for error messages.</summary>
    public string Name(int index) => new Borrowed(names[index]).ToStringValue();

    /// <summary>Number of arguments, given or defaulted.</summary>
    public int Count => _values.Length;

    /// <summary>The argument at <paramref name="index"/> (null when not given and without default).</summary>
    public Borrowed this[int index] => new(_values[index]);

    /// <summary>True when parameter <paramref name="index"/> was given and is not None.</summary>
    public bool HasValue(int index) => _values[index] != 0 && !new Borrowed(_values[index]).IsNone;
}
