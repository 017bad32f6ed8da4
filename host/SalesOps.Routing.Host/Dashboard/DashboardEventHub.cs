using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace SalesOps.Routing.Host.Dashboard;

/// <summary>
/// Fans events out to every open dashboard. Each subscriber has a small bounded buffer that drops
/// its oldest events when a slow browser falls behind: the page refetches on any event, so a dropped
/// event costs nothing, while a blocked publisher would slow routing.
/// </summary>
internal sealed class DashboardEventHub
{
    private readonly Lock _gate = new();
    private readonly List<Channel<DashboardEvent>> _subscribers = [];

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
                return _subscribers.Count;
        }
    }

    public void Publish(DashboardEvent item)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
                subscriber.Writer.TryWrite(item);
        }
    }

    public async IAsyncEnumerable<DashboardEvent> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<DashboardEvent>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate)
            _subscribers.Add(channel);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
                yield return item;
        }
        finally
        {
            lock (_gate)
                _subscribers.Remove(channel);
        }
    }
}
