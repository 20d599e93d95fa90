namespace LiveActors.Host;

/// <summary>A file named on the command line cannot be used; the message names the option and says why, in one line.</summary>
internal sealed class HostInputException(string message, Exception? inner = null) : Exception(message, inner);
