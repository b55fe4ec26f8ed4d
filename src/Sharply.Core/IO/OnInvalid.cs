namespace Sharply.Core.IO;

/// <summary>What a reader does with a row it cannot decode.</summary>
public enum OnInvalid
{
    /// <summary>Throw a <see cref="GeometryDecodeException"/> naming the first failing row.</summary>
    Raise,

    /// <summary>Make the row missing and report it in <see cref="DecodeResult.Failures"/>.</summary>
    Warn,

    /// <summary>Make the row missing silently.</summary>
    Ignore,
}
