//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

/// Protocol for objects that can be rendered as a sequence in Mustache
public protocol MustacheSequence: Sequence {}

extension MustacheSequence {
    /// Render section using template
    func renderSection(with template: MustacheTemplate, context: MustacheContext) -> String {
        var string = ""
        self.renderSection(with: template, context: context, into: &string)
        return string
    }

    /// okc: appends to `out` (see `MustacheTemplate.render(context:into:)`).
    func renderSection(with template: MustacheTemplate, context: MustacheContext, into string: inout String) {
        var sequenceContext = MustacheSequenceContext(first: true)

        var iterator = makeIterator()
        guard var currentObject = iterator.next() else { return }

        while let object = iterator.next() {
            template.render(context: context.withSequence(currentObject, sequenceContext: sequenceContext), into: &string)
            currentObject = object
            sequenceContext.first = false
            sequenceContext.index += 1
        }

        sequenceContext.last = true
        template.render(context: context.withSequence(currentObject, sequenceContext: sequenceContext), into: &string)
    }

    /// Render inverted section using template
    func renderInvertedSection(with template: MustacheTemplate, context: MustacheContext) -> String {
        var iterator = makeIterator()
        if iterator.next() == nil {
            return template.render(context: context.withObject(self))
        }
        return ""
    }
}

/// okc: the section over okc's lists of items, as `renderSection(with:context:into:)` renders any
/// sequence, but each item is pushed as the dictionary it is (no cast of it from `Any` on every lookup).
extension Array where Element == [String: Any] {
    func renderDictionarySection(with template: MustacheTemplate, context: MustacheContext, into string: inout String) {
        guard !isEmpty else { return }
        var sequenceContext = MustacheSequenceContext(first: true)
        let lastIndex = count - 1
        for index in indices {
            sequenceContext.last = index == lastIndex
            template.render(context: context.withSequence(dictionary: self[index], sequenceContext: sequenceContext), into: &string)
            sequenceContext.first = false
            sequenceContext.index += 1
        }
    }
}

extension Array: MustacheSequence {}
extension Set: MustacheSequence {}
extension ReversedCollection: MustacheSequence {}
