using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using LiveActors.Benchmarks.SideBySide;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Sessions;

using static LiveActors.Benchmarks.Figures;

namespace LiveActors.Benchmarks.Capacity;

/// <summary>
/// One node's capacity: 10,000 idle sessions through a region against the emulator in its own process (memory per
/// session, time to open them all, idle CPU), then 1,000 of them at a voice load: turns of 2 s of speech (100 ms of 16 kHz
/// audio up every 100 ms, then the end of speech) and 3 s of listening to the emulator's spoken answer (as long, at
/// 24 kHz, down).
/// </summary>
internal static class CapacityRun
{
    public const string Flag = "--capacity";

    private const int OpenWindow = 100; // sessions connecting at once
    private static readonly TimeSpan Chunk = TimeSpan.FromMilliseconds(100);
    private const int ChunksPerUtterance = 20; // 2 s of speech
    private const int TicksPerTurn = 50; // then 3 s of listening: audio in the meantime would interrupt the answer

    public static async Task<string> RunAsync(int sessions, int voiceSessions, TimeSpan window, TextWriter log)
    {
        var limits = FileLimits.RaiseToHard();
        log.WriteLine(limits is { } l ? $"open files: soft limit {l.Before} raised to {l.After}" : "open files: limit left as it is");
        await using var emulator = await EmulatorProcess.StartAsync();
        var system = ActorSystem.Create("capacity", "akka.loglevel = WARNING");
        try
        {
            var options = new LiveConnectionOptions
            {
                Model = "gemini-2.5-flash",
                ApiKey = "test-key",
                BaseAddress = emulator.BaseAddress,
                Timeout = TimeSpan.FromSeconds(15),
                Setup = new Setup { GenerationConfig = new GenerationConfig { ResponseModalities = [Modalities.Audio] } },
            };
            var region = system.ActorOf(LiveSessions.Props(new LiveSessionsOptions(_ => options)
            {
                Persistence = false, // the figures are the sessions', not the journal's (see the --sessions run)
                PassivateAfter = null,
                MaxOpenSessions = sessions,
            }), "calls");
            var counter = new Counter();
            var listener = system.ActorOf(Props.Create(() => new CountingListener(counter)));
            var sink = system.ActorOf(Props.Create(() => new ReplySink(counter)));

            var heapBefore = Heap();
            var workingSetBefore = Environment.WorkingSet;
            var opening = Stopwatch.StartNew();
            for (var opened = 0; opened < sessions; opened += OpenWindow)
            {
                var upTo = Math.Min(sessions, opened + OpenWindow);
                var connected = counter.ConnectedReach(upTo);
                for (var i = opened; i < upTo; i++)
                {
                    region.Tell(new LiveSessions.Envelope(Id(i), new Live.Subscribe(listener)));
                }

                await connected.WaitAsync(TimeSpan.FromMinutes(2));
                }

            var openTime = opening.Elapsed;
            var heapOpen = Heap();
            var workingSetOpen = Environment.WorkingSet;
            log.WriteLine($"opened {sessions} sessions in {openTime.TotalSeconds:0.0} s ({counter.Drops} drops)");

            var idle = await CpuOverAsync(window, emulator);
            log.WriteLine($"idle for {window.TotalSeconds:0} s");

            var voice = await VoiceAsync(region, sink, counter, voiceSessions, window, emulator);
            log.WriteLine($"voice load on {voiceSessions} sessions for {window.TotalSeconds:0} s");

            return string.Join('\n',
                $"| one node, {sessions:N0} sessions, emulator in its own process | figure |",
                "|---|---|",
                Row("open files (soft limit, raised by the harness to the hard limit)", limits is { } raised ? $"{raised.Before:N0} → {raised.After:N0}" : "unchanged"),
                Row($"open {sessions:N0} sessions through a region, {OpenWindow} connecting at a time, until every one is connected", $"{openTime.TotalSeconds:0.0} s ({sessions / openTime.TotalSeconds:0} sessions/s)"),
                Row("managed heap per open idle session", $"{(heapOpen - heapBefore) / (double)sessions / 1024:0.0} KiB"),
                Row("working set per open idle session", $"{(workingSetOpen - workingSetBefore) / (double)sessions / 1024:0.0} KiB"),
                Row($"idle CPU, {sessions:N0} sessions (keep-alive pings every 20 s included), over {window.TotalSeconds:0} s", $"{idle.Client * 100:0.0} % of a core ({idle.Client * 1e6 / sessions:0.0} µs per session per second); emulator {idle.Emulator * 100:0.0} %"),
                Row($"voice load, {voiceSessions:N0} sessions: CPU of the client process", $"{voice.Cpu * 100:0} % of a core ({voice.Cpu * 1000 / voiceSessions:0.00} ms per session per second); emulator {voice.EmulatorCpu * 100:0} %"),
                Row("voice load: audio up, as sent (2 s at real-time pace in every 5 s)", $"{voice.ChunksUp:N0} chunks of 3,200 B ({voice.ChunksUp / voice.Seconds / voiceSessions:0.0} per session per second; the pattern's is 4)"),
                Row("voice load: audio down, as received (the pattern's is 19.2 kB per session per second)", $"{voice.BytesDown / voice.Seconds / voiceSessions / 1000:0.0} kB per session per second; {voice.Answers:N0} answers of {voice.Asked:N0} asked"),
                Row("voice load: sends refused (buffer_full and the like)", $"{counter.Refused:N0}"));
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static string Id(int i) => $"call-{i}";

    /// <summary>The share of one core the client (and the emulator) used over <paramref name="window"/> of doing nothing.</summary>
    private static async Task<(double Client, double Emulator)> CpuOverAsync(TimeSpan window, EmulatorProcess emulator)
    {
        var client = Process.GetCurrentProcess().TotalProcessorTime;
        var server = emulator.Cpu;
        var wall = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(window); // a measurement window: the figure is the CPU spent within it
        await timer.WaitForNextTickAsync();
        var elapsed = wall.Elapsed.TotalSeconds;
        return ((Process.GetCurrentProcess().TotalProcessorTime - client).TotalSeconds / elapsed, (emulator.Cpu - server).TotalSeconds / elapsed);
    }

    private static async Task<VoiceFigures> VoiceAsync(IActorRef region, IActorRef sink, Counter counter, int voiceSessions, TimeSpan window, EmulatorProcess emulator)
    {
        var talkers = new IActorRef[voiceSessions];
        for (var i = 0; i < voiceSessions; i++)
        {
            talkers[i] = (await region.Ask<LiveSessions.SessionRef>(new LiveSessions.GetSession(Id(i)), TimeSpan.FromSeconds(30))).Session;
        }

        var chunk = new Live.Send(RealtimeInput.Pcm(new byte[3_200])); // 100 ms of 16 kHz 16-bit mono
        var endOfSpeech = new Live.Send(RealtimeInput.EndOfAudioStream);
        counter.ResetLoad();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var server = emulator.Cpu;
        var wall = Stopwatch.StartNew();
        var ticks = (int)(window / Chunk);
        long chunksUp = 0;
        var asked = 0;
        using var pace = new PeriodicTimer(Chunk); // the microphone's pace: one chunk per session per 100 ms
        for (var tick = 1; tick <= ticks; tick++)
        {
            await pace.WaitForNextTickAsync();
            var phase = (tick - 1) % TicksPerTurn;
            if (phase >= ChunksPerUtterance)
            {
                continue; // listening
            }

            foreach (var talker in talkers)
            {
                talker.Tell(chunk, sink);
                if (phase == ChunksPerUtterance - 1)
                {
                    talker.Tell(endOfSpeech, sink);
                    asked++;
                }
            }

            chunksUp += talkers.Length;
        }

        var seconds = wall.Elapsed.TotalSeconds;
        return new VoiceFigures(
            (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / seconds,
            (emulator.Cpu - server).TotalSeconds / seconds,
            seconds,
            chunksUp,
            Interlocked.Read(ref counter.BytesDown),
            Volatile.Read(ref counter.Answers),
            asked);
    }


    private sealed record VoiceFigures(double Cpu, double EmulatorCpu, double Seconds, long ChunksUp, long BytesDown, int Answers, int Asked);

    /// <summary>What the sessions reported, counted where every event of every session arrives.</summary>
    private sealed class Counter
    {
        private readonly Lock _gate = new();
        private int _connected;
        private (int Target, TaskCompletionSource Reached)? _waiting;
        public long BytesDown;
        public int Answers;
        public int Refused;
        public int Drops;

        public Task ConnectedReach(int target)
        {
            lock (_gate)
            {
                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting = (target, reached);
                if (_connected >= target)
                {
                    reached.TrySetResult();
                }

                return reached.Task;
            }
        }

        public void OnConnected()
        {
            lock (_gate)
            {
                if (++_connected >= _waiting?.Target)
                {
                    _waiting?.Reached.TrySetResult();
                }
            }
        }

        public void ResetLoad()
        {
            Interlocked.Exchange(ref BytesDown, 0);
            Interlocked.Exchange(ref Answers, 0);
        }
    }

    private sealed class CountingListener : ReceiveActor
    {
        public CountingListener(Counter counter)
        {
            Receive<Live.Connected>(_ => counter.OnConnected());
            Receive<Live.Disconnected>(disconnected =>
            {
                if (Interlocked.Increment(ref counter.Drops) <= 3)
                {
                    Console.Error.WriteLine($"drop: {disconnected.Error}");
                }
            });
            Receive<Live.ModelTurnReceived>(turn => Interlocked.Add(ref counter.BytesDown, turn.Audio.Length));
            Receive<Live.InteractionCompleted>(_ => Interlocked.Increment(ref counter.Answers));
            ReceiveAny(_ => { });
        }
    }

    private sealed class ReplySink : ReceiveActor
    {
        public ReplySink(Counter counter)
        {
            Receive<Status.Failure>(_ => Interlocked.Increment(ref counter.Refused));
            ReceiveAny(_ => { });
        }
    }
}
