//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

/// Context while rendering mustache tokens
struct MustacheContext {
    let stack: MustacheStack
    let sequenceContext: MustacheSequenceContext?
    let indentation: String?
    let inherited: [String: MustacheTemplate]?
    let contentType: MustacheContentType
    let library: MustacheLibrary?
    let reloadPartials: Bool

    /// initialize context with a single objectt
    init(_ object: Any, library: MustacheLibrary? = nil, reloadPartials: Bool = false) {
        self.stack = MustacheStack(object, parent: nil)
        self.sequenceContext = nil
        self.indentation = nil
        self.inherited = nil
        self.contentType = HTMLContentType()
        self.library = library
        self.reloadPartials = reloadPartials
    }

    /// okc: internal, for compiled templates that hand a token they do not compile to this renderer.
    init(
        stack: MustacheStack,
        sequenceContext: MustacheSequenceContext?,
        indentation: String?,
        inherited: [String: MustacheTemplate]?,
        contentType: MustacheContentType,
        library: MustacheLibrary? = nil,
        reloadPartials: Bool
    ) {
        self.stack = stack
        self.sequenceContext = sequenceContext
        self.indentation = indentation
        self.inherited = inherited
        self.contentType = contentType
        self.library = library
        self.reloadPartials = reloadPartials
    }

    /// return context with object add to stack
    func withObject(_ object: Any) -> MustacheContext {
        pushing(MustacheStack(object, parent: self.stack), sequenceContext: nil)
    }

    /// return context with indent and parameter information for invoking a partial
    func withPartial(indented: String?, inheriting: [String: MustacheTemplate]?) -> MustacheContext {
        let indentation: String?
        if let indented {
            indentation = (self.indentation ?? "") + indented
        } else {
            indentation = self.indentation
        }
        return .init(
            stack: self.stack,
            sequenceContext: nil,
            indentation: indentation,
            inherited: Self.inherited(self.inherited, with: inheriting),
            contentType: HTMLContentType(),
            library: self.library,
            reloadPartials: self.reloadPartials
        )
    }

    /// okc: the blocks a partial sees: the outer overrides win over the partial's own (`{{<name}}` sets them).
    static func inherited(_ outer: [String: MustacheTemplate]?, with inheriting: [String: MustacheTemplate]?) -> [String: MustacheTemplate]? {
        guard let inheriting else { return outer }
        guard let outer else { return inheriting }
        return outer.merging(inheriting) { value, _ in value }
    }

    /// return context with indent information for invoking an inheritance block
    func withBlockExpansion(indented: String?) -> MustacheContext {
        let indentation: String?
        if let indented {
            indentation = (self.indentation ?? "") + indented
        } else {
            indentation = self.indentation
        }
        return .init(
            stack: self.stack,
            sequenceContext: nil,
            indentation: indentation,
            inherited: self.inherited,
            contentType: self.contentType,
            library: self.library,
            reloadPartials: self.reloadPartials
        )
    }

    /// okc: `withObject` for a dictionary already known to be one (no cast when it is pushed).
    func withDictionary(_ object: [String: Any]) -> MustacheContext {
        pushing(MustacheStack(dictionary: object, parent: self.stack), sequenceContext: nil)
    }

    /// okc: `withSequence` for an item of `[[String: Any]]`.
    func withSequence(dictionary object: [String: Any], sequenceContext: MustacheSequenceContext) -> MustacheContext {
        pushing(MustacheStack(dictionary: object, parent: self.stack), sequenceContext: sequenceContext)
    }

    /// return context with sequence info and sequence element added to stack
    func withSequence(_ object: Any, sequenceContext: MustacheSequenceContext) -> MustacheContext {
        pushing(MustacheStack(object, parent: self.stack), sequenceContext: sequenceContext)
    }

    /// okc: the context with `stack` (one object pushed) and `sequenceContext`, the rest as it is: what
    /// `withObject`, `withDictionary` and both `withSequence` make.
    private func pushing(_ stack: MustacheStack, sequenceContext: MustacheSequenceContext?) -> MustacheContext {
        .init(
            stack: stack,
            sequenceContext: sequenceContext,
            indentation: self.indentation,
            inherited: self.inherited,
            contentType: self.contentType,
            library: self.library,
            reloadPartials: self.reloadPartials
        )
    }

    /// return context with sequence info and sequence element added to stack
    func withContentType(_ contentType: MustacheContentType) -> MustacheContext {
        .init(
            stack: self.stack,
            sequenceContext: self.sequenceContext,
            indentation: self.indentation,
            inherited: self.inherited,
            contentType: contentType,
            library: self.library,
            reloadPartials: self.reloadPartials
        )
    }
}

/// okc: the context stack as a linked list. Pushing a section's object allocates one node; the array it
/// replaces was copied whole (a retain per element) for every item of every section.
final class MustacheStack {
    let object: Any
    let parent: MustacheStack?
    /// okc: what `object` is among okc's types, decided once when it is pushed. A lookup climbs the stack
    /// through every enclosing object, and casting each from `Any` again on every lookup was a dynamic
    /// cast per level per variable.
    let shape: Shape

    enum Shape {
        case dictionary([String: Any])
        case strings([String: String])
        /// Text, a flag or a number: no children (see `MustacheTemplate.getChild`).
        case leaf
        /// Anything else: the general lookup.
        case other
    }

    init(_ object: Any, parent: MustacheStack?) {
        self.object = object
        self.parent = parent
        let type = Swift.type(of: object)
        if type == [String: Any].self {
            self.shape = .dictionary(object as! [String: Any])
        } else if type == [String: String].self {
            self.shape = .strings(object as! [String: String])
        } else if type == String.self || type == Bool.self || type == Int.self {
            self.shape = .leaf
        } else {
            self.shape = .other
        }
    }

    /// okc: a dictionary pushed by a section whose type is already known.
    init(dictionary: [String: Any], parent: MustacheStack?) {
        self.object = dictionary
        self.parent = parent
        self.shape = .dictionary(dictionary)
    }

    /// okc: the child `name` of this object alone, as `MustacheTemplate` looks one up: by the shape decided
    /// when it was pushed, and the general lookup for other objects.
    func child(named name: String) -> Any? {
        switch shape {
        case .dictionary(let dictionary): dictionary[name]
        case .strings(let strings): strings[name]
        case .leaf: nil
        case .other: MustacheTemplate.immediateChild(named: name, from: object)
        }
    }

    /// The innermost object (the array's `last`).
    var last: Any { object }
}
