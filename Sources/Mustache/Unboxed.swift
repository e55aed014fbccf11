/// okc: the value of type `Wanted` that an `Any` holds, or nil if it holds another type (never a value
/// bridged or converted to `Wanted`: the exact type, as the `type(of:) ==` checks of the fast paths decide
/// it). Calling it with an `Any` opens the existential, so this is a comparison of two type metadata
/// and a copy, where `as?` and `as!` go through the runtime's general dynamic cast for every value.
@inline(__always)
func unboxed<Wanted, Value>(_ value: Value, as wanted: Wanted.Type) -> Wanted? {
    Value.self == Wanted.self ? unsafeBitCast(value, to: Wanted.self) : nil
}
