//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

import Foundation

extension MustacheTemplate {
    /// Render template using object
    /// - Parameters:
    ///   - stack: Object
    ///   - context: Context that render is occurring in. Contains information about position in sequence
    ///   - indentation: indentation of partial
    /// - Returns: Rendered text
    func render(context: MustacheContext) -> String {
        var string = ""
        var context = context

        if let indentation = context.indentation, indentation != "" {
            for token in tokens {
                var renderedString = ""
                self.renderToken(token, context: &context, into: &renderedString)
                // if rendered string is not empty and we are on a new line
                if renderedString.count > 0, string.last == "\n" {
                    string += indentation
                }
                string += renderedString
            }
        } else {
            for token in tokens {
                self.renderToken(token, context: &context, into: &string)
            }
        }
        return string
    }

    /// okc: appends to `out` instead of returning a String per template and token that every caller
    /// then appended to its own. Indented partials keep the per-token strings they need.
    func render(context: MustacheContext, into out: inout String) {
        if let indentation = context.indentation, indentation != "" {
            out += self.render(context: context)
            return
        }
        // okc: the context is copied (a retain per field) only once a content-type token changes it;
        // most templates have none, and this runs for every item of every section.
        var changed: MustacheContext?
        for token in tokens {
            if case .contentType(let contentType) = token {
                changed = (changed ?? context).withContentType(contentType)
            } else if let changed {
                self.renderToken(token, in: changed, into: &out)
            } else {
                self.renderToken(token, in: context, into: &out)
            }
        }
    }

    func renderToken(_ token: Token, context: inout MustacheContext, into out: inout String) {
        if case .contentType(let contentType) = token {
            context = context.withContentType(contentType)
            return
        }
        self.renderToken(token, in: context, into: &out)
    }

    /// okc: every token but a content type, which is the only one that changes the context.
    func renderToken(_ token: Token, in context: MustacheContext, into out: inout String) {
        switch token {
        case .text(let text):
            out += text

        case .variable(let variable, let transforms):
            if let child = getChild(named: variable, transforms: transforms, context: context) {
                self.renderVariable(child, escaped: true, context: context, into: &out)
            }

        case .unescapedVariable(let variable, let transforms):
            if let child = getChild(named: variable, transforms: transforms, context: context) {
                self.renderVariable(child, escaped: false, context: context, into: &out)
            }

        case .section(let variable, let transforms, let template):
            let child = self.getChild(named: variable, transforms: transforms, context: context)
            if let lambda = child as? MustacheLambda {
                out += self.renderUnescapedLambda(lambda, parameter: template.text, context: context)
                return
            }
            self.renderSection(child, with: template, context: context, into: &out)

        case .invertedSection(let variable, let transforms, let template):
            let child = self.getChild(named: variable, transforms: transforms, context: context)
            self.renderInvertedSection(child, with: template, context: context, into: &out)

        case .blockExpansion(let name, let defaultTemplate, let indented):
            if let override = context.inherited?[name] {
                override.render(context: context.withBlockExpansion(indented: indented), into: &out)
            } else {
                defaultTemplate.render(context: context.withBlockExpansion(indented: indented), into: &out)
            }

        case .partial(let name, let indentation, let overrides):
            self.renderPartial(named: name, indentation: indentation, overrides: overrides, context: context, into: &out)

        case .dynamicNamePartial(let name, let indentation, let overrides):
            let child = self.getChild(named: Name(name), transforms: [], context: context)
            guard let childName = child as? String else {
                return
            }
            self.renderPartial(named: childName, indentation: indentation, overrides: overrides, context: context, into: &out)

        case .contentType:
            assertionFailure("content types are handled by the callers")

        case .blockDefinition:
            fatalError("Should not be rendering block definitions")
        }
    }

    /// okc: the value of a variable found, escaped (`{{name}}`) or not (`{{{name}}}`, `{{&name}}`); shared
    /// with the compiled templates, which call it for any value that is not plain text.
    func renderVariable(_ child: Any, escaped: Bool, context: MustacheContext, into out: inout String) {
        // okc: text, flags and numbers render as String(describing:) renders them, without the casts below.
        if let text = Self.plainText(child) {
            if escaped { context.contentType.escapeText(text, into: &out) } else { out += text }
        } else if escaped, let template = child as? MustacheTemplate {
            template.render(context: context, into: &out)
        } else if let renderable = child as? MustacheCustomRenderable {
            out += escaped ? context.contentType.escapeText(renderable.renderText) : renderable.renderText
        } else if let lambda = child as? MustacheLambda {
            out += escaped
                ? self.renderLambda(lambda, parameter: "", context: context)
                : self.renderUnescapedLambda(lambda, parameter: "", context: context)
        } else {
            let text = String(describing: unwrapIfAnyContainsOptional(child))
            out += escaped ? context.contentType.escapeText(text) : text
        }
    }

    /// okc: the two partial tokens (named and dynamic) in one place.
    private func renderPartial(named name: String, indentation: String?, overrides: [String: MustacheTemplate]?,
                               context: MustacheContext, into out: inout String) {
        guard var template = context.library?.getTemplate(named: name) else { return }
        #if DEBUG
        if context.reloadPartials {
            guard let filename = template.filename else {
                preconditionFailure("Can only use reload if template was generated from a file")
            }
            do {
                guard let partialTemplate = try MustacheTemplate(filename: filename) else {
                    out += "Cannot find template at \(filename)"
                    return
                }
                template = partialTemplate
            } catch {
                out += "\(error)"
                return
            }
        }
        #endif
        template.render(context: context.withPartial(indented: indentation, inheriting: overrides), into: &out)
    }

    /// Render a section
    /// - Parameters:
    ///   - child: Object to render section for
    ///   - parent: Current object being rendered
    ///   - template: Template to render with
    /// - Returns: Rendered text
    func renderSection(_ child: Any?, with template: MustacheTemplate, context: MustacheContext) -> String {
        var out = ""
        self.renderSection(child, with: template, context: context, into: &out)
        return out
    }

    func renderSection(_ child: Any?, with template: MustacheTemplate, context: MustacheContext, into out: inout String) {
        // okc: the types okc passes, decided by their exact type as the switch below decides them.
        if let child {
            let type = Swift.type(of: child)
            if type == [[String: Any]].self {
                (child as! [[String: Any]]).renderDictionarySection(with: template, context: context, into: &out)
                return
            }
            if type == Bool.self {
                if child as! Bool { template.render(context: context, into: &out) }
                return
            }
            if type == [String: Any].self {
                template.render(context: context.withDictionary(child as! [String: Any]), into: &out)
                return
            }
            if type == String.self {
                template.render(context: context.withObject(child), into: &out)
                return
            }
        }
        switch child {
        case let array as any MustacheSequence:
            out += array.renderSection(with: template, context: context)
        case let bool as Bool:
            if bool { template.render(context: context, into: &out) }
        case let null as MustacheCustomRenderable where null.isNull == true:
            break
        case .some(let value):
            template.render(context: context.withObject(value), into: &out)
        case .none:
            break
        }
    }

    /// Render an inverted section
    /// - Parameters:
    ///   - child: Object to render section for
    ///   - parent: Current object being rendered
    ///   - template: Template to render with
    func renderInvertedSection(_ child: Any?, with template: MustacheTemplate, context: MustacheContext, into out: inout String) {
        // okc: as in renderSection.
        if let child {
            let type = Swift.type(of: child)
            if type == [[String: Any]].self {
                out += (child as! [[String: Any]]).renderInvertedSection(with: template, context: context)
                return
            }
            if type == Bool.self {
                if !(child as! Bool) { template.render(context: context, into: &out) }
                return
            }
            if type == [String: Any].self || type == String.self { return }
        }
        switch child {
        case let array as any MustacheSequence:
            out += array.renderInvertedSection(with: template, context: context)
        case let bool as Bool:
            if !bool { template.render(context: context, into: &out) }
        case let null as MustacheCustomRenderable where null.isNull == true:
            template.render(context: context, into: &out)
        case .some:
            break
        case .none:
            template.render(context: context, into: &out)
        }
    }

    func renderLambda(_ lambda: MustacheLambda, parameter: String, context: MustacheContext) -> String {
        var lambda = lambda
        while true {
            guard let result = lambda(parameter) else { return "" }
            if let string = result as? String {
                do {
                    let newTemplate = try MustacheTemplate(string: context.contentType.escapeText(string))
                    return self.renderSection(context.stack.last, with: newTemplate, context: context)
                } catch {
                    return ""
                }
            } else if let lambda2 = result as? MustacheLambda {
                lambda = lambda2
                continue
            } else {
                return context.contentType.escapeText(String(describing: unwrapIfAnyContainsOptional(result)))
            }
        }
    }

    func renderUnescapedLambda(_ lambda: MustacheLambda, parameter: String, context: MustacheContext) -> String {
        var lambda = lambda
        while true {
            guard let result = lambda(parameter) else { return "" }
            if let string = result as? String {
                do {
                    let newTemplate = try MustacheTemplate(string: string)
                    return self.renderSection(context.stack.last, with: newTemplate, context: context)
                } catch {
                    return ""
                }
            } else if let lambda2 = result as? MustacheLambda {
                lambda = lambda2
                continue
            } else {
                return String(describing: unwrapIfAnyContainsOptional(result))
            }
        }
    }

    /// Get child object from variable name
    func getChild(named variable: Name, transforms: [String], context: MustacheContext) -> Any? {
        Self.child(named: variable, transforms: transforms, stack: context.stack, sequenceContext: context.sequenceContext)
    }

    /// okc: `getChild` from the two parts of a context a lookup reads, so that compiled templates (which
    /// keep no `MustacheContext`) look names up with the same code.
    static func child(named variable: Name, transforms: [String], stack: MustacheStack,
                      sequenceContext: MustacheSequenceContext?) -> Any? {
        // okc: a name without transforms (`title`, `site.contact.url`), looked up as the general code below
        // looks it up: its first part climbing the stack, the rest followed down from the first object that
        // has it, with fewer copies of the values found.
        if transforms.isEmpty, let first = variable.climbing {
            var node: MustacheStack? = stack
            while let current = node {
                if let found = current.child(named: first) {
                    guard let child = variable.parts.count == 1 ? found : descend(variable.parts.dropFirst(), from: found) else {
                        return nil
                    }
                    if !Self.isPlain(child), let custom = child as? MustacheCustomRepresentation { return custom.representation }
                    return child
                }
                node = current.parent
            }
            return nil
        }
        return childInGeneral(named: variable, transforms: transforms, stack: stack, sequenceContext: sequenceContext)
    }

    /// okc: `_getImmediateChild` below for an object of a type okc does not pass.
    static func immediateChild(named name: String, from object: Any) -> Any? {
        let object: Any? =
            if let custom = object as? MustacheCustomRepresentation {
                custom.representation
            } else {
                object
            }
        if let customBox = object as? MustacheParent {
            return customBox.child(named: name)
        } else if let object {
            let mirror = Mirror(reflecting: object)
            return mirror.getValue(forKey: name)
        } else {
            return nil
        }
    }

    /// okc: the rest of a dotted name followed down from `object` (`contact.url` from `site`): `_getChild`
    /// of the general lookup as a loop, shared with the lookup of dotted names without transforms.
    static func descend(_ names: ArraySlice<String>, from object: Any) -> Any? {
        var object = object
        for name in names {
            // okc: okc's own types are never lambdas; skip the failing cast for them.
            if !Self.isPlain(object), let lambda = object as? MustacheLambda {
                guard let result = lambda("") else { return nil }
                object = result
            }
            // okc: okc's dictionaries are looked up directly. The general code casts each to two protocols
            // first and ends with the same subscript (Dictionary's MustacheParent.child(named:)).
            let type = Swift.type(of: object)
            let child: Any?
            if let dictionary = unboxed(object, as: [String: Any].self) {
                child = dictionary[name]
            } else if let strings = unboxed(object, as: [String: String].self) {
                child = strings[name]
            } else if type == String.self || type == Bool.self || type == Int.self {
                // okc: text, flags and numbers pushed by a section have no children (their Mirror has none).
                child = nil
            } else {
                child = Self.immediateChild(named: name, from: object)
            }
            guard let child else { return nil }
            object = child
        }
        return object
    }

    static func childInGeneral(named variable: Name, transforms: [String], stack: MustacheStack,
                               sequenceContext: MustacheSequenceContext?) -> Any? {
        func _getChildInStack(named names: ArraySlice<String>, from stack: MustacheStack) -> Any? {
            guard let name = names.first else { return stack.last }
            var node: MustacheStack? = stack
            while let current = node {
                node = current.parent
                // okc: the object's type was decided when it was pushed (see `MustacheStack.child(named:)`);
                // the results are those of `_getImmediateChild` for each type.
                if let childObject = current.child(named: name) {
                    let names2 = names.dropFirst()
                    return Self.descend(names2, from: childObject)
                }
            }
            return nil
        }

        // work out which object to access. "." means the current object, if the variable name is ""
        // and we have a transform to run on the variable then we need the context object, otherwise
        // the name is split by "." and we use mirror to get the correct child object. If we cannot find
        // the root object we look up the context stack until we can find one with a matching name. The
        // stack climbing can be disabled by prefixing the variable name with a "."
        var child: Any?
        if variable.isDot {
            child = stack.last
        } else if variable.isEmpty, !transforms.isEmpty {
            child = sequenceContext
        } else if variable.startsWithDot {
            child = Self.descend(variable.parts[...], from: stack.last)
        } else {
            child = _getChildInStack(named: variable.parts[...], from: stack)
        }

        // okc: none of okc's types has a custom representation; skip the protocol cast for them.
        if let found = child, !Self.isPlain(found), let custom = found as? MustacheCustomRepresentation {
            child = custom.representation
        }

        // skip transforms if child is already nil
        guard var child else {
            return nil
        }

        // if we want to run a transform and the current child can have transforms applied to it then
        // run transform on the current child
        for transform in transforms.reversed() {
            // okc: okc's lists get Array's own transform without the cast to the protocol.
            if Swift.type(of: child) == [[String: Any]].self {
                guard let transformed = (child as! [[String: Any]]).transform(transform) else { return nil }
                child = transformed
                continue
            }
            if let runnable = child as? MustacheTransformable,
                let transformed = runnable.transform(transform)
            {
                child = transformed
                continue
            }

            // return nil if transform is unsuccessful or has returned nil
            return nil
        }
        return child
    }

    /// okc: `name.split(separator: ".")`, done on the bytes when that gives the same parts (an ASCII name;
    /// most have no dot at all). The Character split stays for the rest.
    static func splitName(_ name: String) -> [String] {
        let dot = UInt8(ascii: ".")
        guard name.utf8.contains(dot) else { return name.isEmpty ? [] : [name] }
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return name.split(separator: ".").map { String($0) } }
        return name.utf8.split(separator: dot).map { String(Substring($0)) }
    }

    /// okc: the concrete types okc's contexts are made of.
    static func isPlain(_ value: Any) -> Bool {
        let type = Swift.type(of: value)
        return type == String.self || type == Bool.self || type == Int.self || type == [String: Any].self
            || type == [[String: Any]].self || type == [String: String].self || type == [String].self
    }

    /// okc: what `String(describing: unwrapIfAnyContainsOptional(value))` gives for text, flags and numbers
    /// (none is a template, a custom renderable, a lambda or an optional); nil for anything else.
    static func plainText(_ value: Any) -> String? {
        if let text = unboxed(value, as: String.self) { return text }
        if let flag = unboxed(value, as: Bool.self) { return flag ? "true" : "false" }
        if let number = unboxed(value, as: Int.self) { return String(number) }
        return nil
    }

    private func unwrapIfAnyContainsOptional(_ value: Any) -> Any {
        guard let opt = value as? AnyOptional else { return value }
        return opt.anyWrapped ?? value  // nil? keep the original Optional.none
    }
}
