using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using LiveActors.Auth;
using LiveActors.Hosting;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Sessions;
using LiveActors.Supervision;
using LiveActors.Supervision.Delivery;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveActors.Benchmarks.Sessions;

/// <summary>
/// What a durable session pays per message on the embedded SQLite journal, without a socket in the loop: its keeper is
/// told what its session would tell it for a sent and then confirmed message (accepted, done through), and the clock
/// stops when the journal has stored all of it. Bytes are the journal rows' payloads, read back from the file.
/// </summary>
internal static class StoreCost
{
    private const int SizedMessages = 200; // 400 events: fewer than a snapshot's 500, so every row is still there to weigh

    /// <summary>The µs (wall and CPU) per message stored, and the bytes its two events take in the journal.</summary>
    public static async Task<(double Micros, double CpuMicros, double Bytes)> MeasureAsync(
        ActorSystem system, LiveConnectionOptions options, string file, string kind, ClientMessage message, int messages)
    {
        var bytes = await BytesPerMessageAsync(system, options, file, $"sized-{kind}", message);
        var keeper = await KeeperAsync(system, options, $"timed-{kind}");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var sequence = 1; sequence <= messages; sequence++)
        {
            keeper.Tell(new DurableAccepted(sequence, message, Correlation: null));
            keeper.Tell(new DurableDoneThrough(sequence));
        }

        await keeper.Ask<StateFlushed>(FlushState.Instance, TimeSpan.FromMinutes(5));
        var elapsed = wall.Elapsed;
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        await keeper.GracefulStop(TimeSpan.FromSeconds(30));
        return (elapsed.TotalMicroseconds / messages, cpuUsed.TotalMicroseconds / messages, bytes);
    }

    private static async Task<double> BytesPerMessageAsync(ActorSystem system, LiveConnectionOptions options, string file, string id, ClientMessage message)
    {
        var keeper = await KeeperAsync(system, options, id);
        for (var sequence = 1; sequence <= SizedMessages; sequence++)
        {
            keeper.Tell(new DurableAccepted(sequence, message, Correlation: null));
            keeper.Tell(new DurableDoneThrough(sequence));
        }

        await keeper.Ask<StateFlushed>(FlushState.Instance, TimeSpan.FromMinutes(1));
        await keeper.GracefulStop(TimeSpan.FromSeconds(30));
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(LiveSessionsSqlite.ConnectionString(file));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sum(length(message)) FROM journal WHERE persistence_id = $id";
        command.Parameters.AddWithValue("$id", "live-session-" + id);
        return Convert.ToDouble(command.ExecuteScalar(), CultureInfo.InvariantCulture) / SizedMessages;
    }

    /// <summary>A session's keeper, recovered (its state is empty) and ready; its session connects to the emulator and stays idle.</summary>
    private static async Task<IActorRef> KeeperAsync(ActorSystem system, LiveConnectionOptions options, string id)
    {
        var keeper = system.ActorOf(DurableSession.Props(id, options, NullLoggerFactory.Instance, LiveEnvironment.Process, new Passivation(null), TimeSpan.FromHours(2)));
        await keeper.Ask<StateFlushed>(FlushState.Instance, TimeSpan.FromSeconds(30));
        return keeper;
    }
}
