namespace KubeRollout.Sandbox.Machinery.Events;

/// <summary>A dictionary that forgets its least recently used entries beyond a capacity (the recorder's caches).</summary>
public sealed class LruMap<TKey, TValue>
    where TKey : notnull
{
    private readonly int _capacity;
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _nodes = [];
    private readonly LinkedList<(TKey Key, TValue Value)> _order = new();

    public LruMap(int capacity)
    {
        _capacity = capacity;
    }

    public int Count => _nodes.Count;

    public bool TryGet(TKey key, out TValue value)
    {
        if (_nodes.TryGetValue(key, out var node))
        {
            _order.Remove(node);
            _order.AddFirst(node);
            value = node.Value.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Remove(TKey key)
    {
        if (_nodes.Remove(key, out var node))
        {
            _order.Remove(node);
        }
    }

    public void Set(TKey key, TValue value)
    {
        if (_nodes.TryGetValue(key, out var node))
        {
            _order.Remove(node);
        }

        node = _order.AddFirst((key, value));
        _nodes[key] = node;
        while (_nodes.Count > _capacity)
        {
            var last = _order.Last!;
            _order.RemoveLast();
            _nodes.Remove(last.Value.Key);
        }
    }
}
