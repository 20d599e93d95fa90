using LiveActors.Host;

// One Live session from the command line; see --help. Without GEMINI_API_KEY / GOOGLE_API_KEY (or --vertex) it runs
// against the loopback emulator, so it works on a fresh machine with no network.
return await LiveHost.RunAsync(args, Console.Out, Console.Error, Console.In, inputIsTerminal: !Console.IsInputRedirected);
