namespace Sharply.Core.IO;

/// <summary>A row that could not be decoded and was made missing.</summary>
/// <param name="Row">The row index.</param>
/// <param name="Problem">What was wrong with it.</param>
public readonly record struct DecodeFailure(long Row, string Problem);
