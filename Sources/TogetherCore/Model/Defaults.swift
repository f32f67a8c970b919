import Foundation

/// The value a field takes when a session file leaves it out (or writes `null`): older files lack fields that
/// newer versions added. Each field says its default where it is declared (`@Defaulted<False> var hidden`), so
/// the session model is written once: no type needs a decoder of its own.
public protocol FieldDefault {
    associatedtype Value: Codable & Equatable & Sendable
    static var value: Value { get }
}

@propertyWrapper
public struct Defaulted<Default: FieldDefault>: Codable, Equatable, Sendable {
    public var wrappedValue: Default.Value

    public init(wrappedValue: Default.Value) { self.wrappedValue = wrappedValue }

    public init(from decoder: any Decoder) throws {
        wrappedValue = try decoder.singleValueContainer().decode(Default.Value.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(wrappedValue)
    }
}

extension KeyedDecodingContainer {
    /// A field with a default: missing or `null` gives the default; anything else must be the right kind.
    public func decode<D>(_ type: Defaulted<D>.Type, forKey key: Key) throws -> Defaulted<D> {
        // The value itself, straight from this container (not through the wrapper's own decoder: quicker).
        Defaulted(wrappedValue: try decodeIfPresent(D.Value.self, forKey: key) ?? D.value)
    }
}

/// The defaults fields use.
public enum Defaults {
    public enum False: FieldDefault { public static var value: Bool { false } }
    public enum True: FieldDefault { public static var value: Bool { true } }
    public enum Zero: FieldDefault { public static var value: Int { 0 } }
    public enum One: FieldDefault { public static var value: Int { 1 } }
    public enum Three: FieldDefault { public static var value: Int { 3 } }
    public enum NoText: FieldDefault { public static var value: String { "" } }
    public enum English: FieldDefault { public static var value: String { "en" } }
    public enum FullPlan: FieldDefault { public static var value: String { "full" } }
    /// Said or written in the room (not imported from a review).
    public enum InTheRoom: FieldDefault { public static var value: Source { .room } }
    public enum OwnWords: FieldDefault { public static var value: Voice { .own } }
    public enum Nothing<Element: Codable & Equatable & Sendable>: FieldDefault {
        public static var value: [Element] { [] }
    }
    public enum NothingByKey<Element: Codable & Equatable & Sendable>: FieldDefault {
        public static var value: [String: Element] { [:] }
    }
    public enum InProgress: FieldDefault { public static var value: SessionStatus { .inProgress } }
    public enum AtTheStart: FieldDefault { public static var value: Position { Position() } }
    /// Not in the file: the codec then uses the time the session was made.
    public enum NotSaid: FieldDefault { public static var value: Date { .distantPast } }
}
