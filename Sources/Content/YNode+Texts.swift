extension YNode {
    /// Every scalar value below this node (keys excluded), in document order, with where it was written:
    /// for checks that read all of a page's values alike, whatever their key.
    public var texts: [Located<String>] {
        switch value {
        case .scalar:
            return scalar.map { [Located($0, at: position)] } ?? []
        case .sequence(let items):
            return items.flatMap(\.texts)
        case .mapping(let pairs):
            return pairs.flatMap(\.value.texts)
        }
    }
}
