using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using LiveActors;
using LiveActors.Auth;
using LiveActors.Endpoints;
using LiveActors.Errors;
using LiveActors.Facade;
using LiveActors.Hosting;
using LiveActors.Hosting.Health;
using LiveActors.Models;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Serialization;
using LiveActors.Sessions;
using LiveActors.Supervision;
using LiveActors.Telemetry;

namespace LiveActors.Tests.Api;

/// <summary>
/// This file imports Akka.Actor, distributed pub-sub and every public namespace of the library without one alias: it
/// compiles only while the library's names live beside Akka's (Receive, ReceiveTimeout, Send, Subscribe, Unsubscribe).
/// </summary>
public sealed class NamesBesideAkkaTests
{
    [Fact]
    public void Akkas_names_and_the_librarys_compile_together_and_mean_what_they_say()
    {
        Receive receive = _ => true;                                  // Akka.Actor's delegate
        var pubSubSend = new Send("/user/echo", "hi");                 // Akka.Cluster.Tools.PublishSubscribe
        var pubSubSubscribe = new Subscribe("topic", ActorRefs.Nobody);
        var unsubscribe = new Unsubscribe("topic", ActorRefs.Nobody);
        var timeout = ReceiveTimeout.Instance;                         // Akka.Actor's

        var liveSend = new Live.Send(ClientContent.UserText("hi"));   // the library's, by their protocol's name
        var liveReceive = new Live.Receive(TimeSpan.FromSeconds(1));
        var liveSubscribe = new Live.Subscribe(ActorRefs.Nobody);
        var liveUnsubscribe = new Live.Unsubscribe(ActorRefs.Nobody);
        ConnectionError liveTimeout = new ConnectionError.ReceiveTimeout(TimeSpan.FromSeconds(1));

        Assert.True(receive(null!));
        Assert.Equal("/user/echo", pubSubSend.Path);
        Assert.Equal("topic", pubSubSubscribe.Topic);
        Assert.Equal("topic", unsubscribe.Topic);
        Assert.NotNull(timeout);
        Assert.IsType<ClientContent>(liveSend.Message);
        Assert.Equal(TimeSpan.FromSeconds(1), liveReceive.Timeout);
        Assert.Same(ActorRefs.Nobody, liveSubscribe.Subscriber);
        Assert.Same(ActorRefs.Nobody, liveUnsubscribe.Subscriber);
        Assert.Equal("receive_timeout", liveTimeout.Code);
        Assert.Equal(nameof(ConnectionSupervisor), typeof(ConnectionSupervisor).Name);
        Assert.Equal(nameof(ILiveConnection), typeof(ILiveConnection).Name);
        Assert.Equal(nameof(LiveConnectionOptions), typeof(LiveConnectionOptions).Name);
        Assert.Equal(nameof(LiveConnectionRegistry), typeof(LiveConnectionRegistry).Name);
        Assert.Equal(nameof(LiveEndpoints), typeof(LiveEndpoints).Name);
        Assert.Equal(nameof(LiveEnvironmentVariables), typeof(LiveEnvironmentVariables).Name);
        Assert.Equal(nameof(LiveTelemetry), typeof(LiveTelemetry).Name);
        Assert.Equal(nameof(LiveActorsSerializer), typeof(LiveActorsSerializer).Name);
    }

    [Fact]
    public void This_file_imports_every_public_namespace_of_the_library()
    {
        var namespaces = new[] { typeof(Live).Assembly, typeof(LiveConnectionRegistry).Assembly }
            .SelectMany(assembly => assembly.GetExportedTypes())
            .Select(type => type.Namespace)
            .OfType<string>()
            .Distinct();
        var file = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "LiveActors.Tests", "Api", "NamesBesideAkkaTests.cs"));

        Assert.All(namespaces, name => Assert.Contains($"using {name};", file, StringComparison.Ordinal));
    }
}
