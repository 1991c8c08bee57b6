import Foundation

/// Results of work spread over threads, each written into its own slot (a lock guards the array's storage)
/// and read once every worker is done: a batch chunk's outputs, a ward's households.
final class WorkerSlots<Value>: @unchecked Sendable {
    private(set) var values: [Value]
    private let lock = NSLock()

    init(repeating value: Value, count: Int) { values = Array(repeating: value, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
}
