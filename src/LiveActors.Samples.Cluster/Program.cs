return await LiveActors.Samples.Cluster.ClusterDemo.RunAsync(Console.Out);
