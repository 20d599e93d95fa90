return await LiveActors.Samples.ExtensionsAI.RealtimeDemo.RunAsync(Console.Out);
