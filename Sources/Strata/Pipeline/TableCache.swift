import Foundation

/// Tables already read, kept while their files are unchanged: an editor checks the rules at every
/// keystroke, and re-reading a million-row file each time would make typing wait on the disk. A table
/// is reused only when the same file (same size and modification time) is read the same way (same
/// table name, columns and encoding) and no `schema` block shapes how it is parsed.
public final class TableCache: @unchecked Sendable {
    /// What makes two reads of a file the same read.
    private struct Key: Hashable {
        var table: String
        var path: String
        var columns: [String]?
        var encoding: String?
        var size: Int
        var modified: Double
    }

    private let lock = NSLock()
    private var entries: [(key: Key, table: Table)] = []
    /// The most tables kept: a program reads a few, and each keystroke may ask for other columns.
    private let capacity: Int

    /// A cache holding up to `capacity` tables, the least recently used dropped first.
    public init(capacity: Int = 8) { self.capacity = max(1, capacity) }

    /// The table as read before, if the file is unchanged since.
    func table(_ p: PlannedTable, columns: Set<String>?, declared: SchemaDeclaration?) -> Table? {
        guard declared == nil, let key = Self.key(p, columns) else { return nil }
        lock.lock()
        defer { lock.unlock() }
        guard let i = entries.firstIndex(where: { $0.key == key }) else { return nil }
        hits += 1
        let hit = entries.remove(at: i)
        entries.append(hit)
        return hit.table
    }

    /// Remembers a table just read.
    func store(_ t: Table, for p: PlannedTable, columns: Set<String>?, declared: SchemaDeclaration?) {
        guard declared == nil, let key = Self.key(p, columns) else { return }
        lock.lock()
        defer { lock.unlock() }
        entries.removeAll { $0.key == key || ($0.key.table == key.table && $0.key.path == key.path && $0.key.columns == key.columns) }
        entries.append((key, t))
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
    }

    /// How many reads were answered from the cache (for tests).
    public private(set) var hits = 0

    /// How many tables are kept (for tests).
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }

    private static func key(_ p: PlannedTable, _ columns: Set<String>?) -> Key? {
        guard let a = try? FileManager.default.attributesOfItem(atPath: p.path),
              let size = (a[.size] as? NSNumber)?.intValue, let modified = (a[.modificationDate] as? Date)?.timeIntervalSince1970 else { return nil }
        return Key(table: p.name, path: p.path, columns: columns.map { $0.sorted() }, encoding: p.encoding?.rawValue,
                   size: size, modified: modified)
    }
}
