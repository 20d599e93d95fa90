using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using Akka.Configuration;
using LiveActors.Emulator;
using LiveActors.Hosting;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Sessions;

using static LiveActors.Benchmarks.Figures;

namespace LiveActors.Benchmarks.Sessions;

/// <summary>
/// LiveSessions figures against the in-process emulator: the time and memory to open 1,000 sessions through a region
/// and to passivate them, and what each persisted message costs on the embedded SQLite journal (µs, bytes).
/// </summary>
internal static class SessionsRun
{
    public const string Flag = "--sessions";

    private const int Window = 200;

    public static async Task<string> RunAsync(int sessions, int messages, TextWriter log)
    {
        await using var emulator = await LiveEmulator.StartAsync();
        var file = Path.Combine(Path.GetTempPath(), $"live-sessions-bench-{Guid.NewGuid():N}.db");
        var system = ActorSystem.Create("sessions-bench", LiveSessionsSqlite.Config(file).WithFallback(ConfigurationFactory.ParseString("akka.loglevel = WARNING")));
        try
        {
            var options = new LiveConnectionOptions { Model = "gemini-2.5-flash", ApiKey = emulator.Options.ApiKey, BaseAddress = emulator.BaseAddress };
            var idle = TimeSpan.FromSeconds(2);
            var region = system.ActorOf(LiveSessions.Props(new LiveSessionsOptions(_ => options) { PassivateAfter = idle }), "calls");
            var counter = new EventCounter(sessions);
            var listener = system.ActorOf(Props.Create(() => new CountingListener(counter)));

            var heapBefore = Heap();
            var workingSetBefore = Environment.WorkingSet;
            var opening = Stopwatch.StartNew();
            for (var i = 0; i < sessions; i++)
            {
                region.Tell(new LiveSessions.Envelope($"call-{i}", new Live.Subscribe(listener)));
            }

            await counter.Connected.Task.WaitAsync(TimeSpan.FromMinutes(2));
            var openTime = opening.Elapsed;
            var heapOpen = Heap();
            var workingSetOpen = Environment.WorkingSet;
            log.WriteLine($"opened {sessions} sessions in {openTime.TotalMilliseconds:0} ms");

            var passivating = Stopwatch.StartNew();
            await counter.Passivated.Task.WaitAsync(TimeSpan.FromMinutes(2));
            var passivateTime = passivating.Elapsed;
            var heapPassivated = Heap();
            var workingSetPassivated = Environment.WorkingSet;
            log.WriteLine($"passivated {sessions} sessions {passivateTime.TotalMilliseconds:0} ms after the last opened");

            var (onMicros, onCpu, bytes) = await PersistedCostAsync(system, options, persistence: true, messages, file);
            var (offMicros, offCpu, _) = await PersistedCostAsync(system, options, persistence: false, messages, file);
            var stored = messages * 5;
            var audio = await StoreCost.MeasureAsync(system, options, file, "audio", RealtimeInput.Pcm(new byte[3_200]), stored);
            var text = await StoreCost.MeasureAsync(system, options, file, "text", ClientContent.UserText("What is the weather like in Lisbon today?"), stored);

            return string.Join('\n',
                $"| LiveSessions, {sessions} sessions | figure |",
                "|---|---|",
                Row("open through the region, until every one is connected", $"{openTime.TotalMilliseconds:0} ms"),
                Row("managed heap per open session", $"{(heapOpen - heapBefore) / (double)sessions / 1024:0.0} KiB"),
                Row("working set per open session", $"{(workingSetOpen - workingSetBefore) / (double)sessions / 1024:0.0} KiB"),
                Row($"passivate every one (socket closed, handle kept; idle time {idle.TotalSeconds:0} s from each one's connect)", $"all {passivateTime.TotalMilliseconds:0} ms after the last connected"),
                Row("managed heap per passivated session", $"{(heapPassivated - heapBefore) / (double)sessions / 1024:0.0} KiB"),
                Row("working set per passivated session", $"{(workingSetPassivated - workingSetBefore) / (double)sessions / 1024:0.0} KiB"),
                Row($"a 3,200-byte audio chunk accepted, persistence off ({messages} sends)", $"{offMicros:0.0} µs wall, {offCpu:0.0} µs CPU"),
                Row($"the same, persisted on SQLite until stored ({messages} sends)", $"{onMicros:0.0} µs wall, {onCpu:0.0} µs CPU"),
                Row("SQLite file per persisted message", $"{bytes:0} bytes"),
                Row($"stored only, no socket: a 3,200-byte audio chunk accepted and confirmed ({stored} messages)", $"{audio.Micros:0.0} µs wall, {audio.CpuMicros:0.0} µs CPU, {audio.Bytes:0} bytes"),
                Row($"stored only, no socket: a 41-character text turn accepted and confirmed ({stored} messages)", $"{text.Micros:0.0} µs wall, {text.CpuMicros:0.0} µs CPU, {text.Bytes:0} bytes"));
        }
        finally
        {
            await system.Terminate();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>Sends <paramref name="messages"/> audio chunks to one session and times them until accepted (and, persisted, stored).</summary>
    private static async Task<(double Micros, double CpuMicros, double BytesPerMessage)> PersistedCostAsync(
        ActorSystem system, LiveConnectionOptions options, bool persistence, int messages, string file)
    {
        var region = system.ActorOf(LiveSessions.Props(new LiveSessionsOptions(_ => options) { Persistence = persistence, PassivateAfter = null }));
        var id = persistence ? "persisted" : "plain";
        var connected = new EventCounter(1); // connected before the clock starts: its Connected event, not a poll
        region.Tell(new LiveSessions.Envelope(id, new Live.Subscribe(system.ActorOf(Props.Create(() => new CountingListener(connected))))));
        await connected.Connected.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var chunk = RealtimeInput.Pcm(new byte[3_200]);
        var sizeBefore = new FileInfo(file).Length;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var sent = 0; sent < messages; sent += Window)
        {
            // Paced by the socket, as a microphone is: each status ask is a round trip through the session, so this waits
            // without sleeping until what it holds to write is back under a window (never past the queue's 1,024).
            while ((await region.Ask<Live.StatusReport>(new LiveSessions.Envelope(id, Live.GetStatus.Instance), TimeSpan.FromSeconds(30))).PendingMessages > Window)
            {
            }

            // in windows, as a microphone would send: the outbound queue holds 1,024 messages at most
            await Task.WhenAll(Enumerable.Range(0, Math.Min(Window, messages - sent))
                .Select(_ => region.Ask<Live.SendAccepted>(new LiveSessions.Envelope(id, new Live.Send(chunk)), TimeSpan.FromSeconds(60))));
        }

        if (persistence)
        {
            await region.Ask<StateFlushed>(new LiveSessions.Envelope(id, FlushState.Instance), TimeSpan.FromSeconds(60));
        }

        var elapsed = wall.Elapsed;
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var bytes = (new FileInfo(file).Length - sizeBefore) / (double)messages;
        await region.Ask<object>(new LiveSessions.Envelope(id, Live.Close.Instance), TimeSpan.FromSeconds(30));
        return (elapsed.TotalMicroseconds / messages, cpuUsed.TotalMicroseconds / messages, bytes);
    }


    private sealed class EventCounter(int sessions)
    {
        private int _connected;
        private int _passivated;

        public TaskCompletionSource Connected { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Passivated { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void OnConnected()
        {
            if (Interlocked.Increment(ref _connected) == sessions)
            {
                Connected.TrySetResult();
            }
        }

        public void OnPassivated()
        {
            if (Interlocked.Increment(ref _passivated) == sessions)
            {
                Passivated.TrySetResult();
            }
        }
    }

    private sealed class CountingListener : ReceiveActor
    {
        public CountingListener(EventCounter counter)
        {
            Receive<Live.Connected>(_ => counter.OnConnected());
            Receive<Live.Passivated>(_ => counter.OnPassivated());
            ReceiveAny(_ => { });
        }
    }
}
