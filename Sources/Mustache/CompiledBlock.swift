/// okc: one compiled template body (a template, a section's inside, an inlined partial or block).
/// Each operation renders what its token renders in `MustacheTemplate.renderToken`; the comments say
/// which code of `Template+Render.swift` each mirrors.
final class CompiledBlock: Sendable {
    let ops: [CompiledOp]
    /// UTF-8 bytes of the text this block renders whatever the data (not counting sections).
    let textSize: Int

    init(_ ops: [CompiledOp]) {
        self.ops = ops
        self.textSize = ops.reduce(0) { size, op in
            switch op {
            case .text(let text): size + text.utf8.count
            case .scope(let block): size + block.textSize
            default: size
            }
        }
    }

    func render(stack: MustacheStack, sequenceContext: MustacheSequenceContext?, into out: inout String) {
        for op in ops {
            switch op {
            case .text(let text):
                out += text
            case .variable(let variable):
                variable.render(stack: stack, sequenceContext: sequenceContext, into: &out)
            case .section(let section):
                section.render(stack: stack, sequenceContext: sequenceContext, into: &out)
            case .invertedSection(let section):
                section.renderInverted(stack: stack, sequenceContext: sequenceContext, into: &out)
            case .scope(let block):
                // A partial or a block: `withPartial` and `withBlockExpansion` drop the sequence position.
                block.render(stack: stack, sequenceContext: nil, into: &out)
            case .token(let token):
                token.render(stack: stack, sequenceContext: sequenceContext, into: &out)
            }
        }
    }
}

/// Each case holds one reference, so that visiting an operation copies one pointer.
enum CompiledOp: Sendable {
    case text(String)
    case variable(CompiledVariable)
    case section(CompiledSection)
    case invertedSection(CompiledSection)
    case scope(CompiledBlock)
    case token(CompiledToken)
}

/// A tag's name and transforms (`name` of `{{name}}`, `empty(items)` of `{{^empty(items)}}`).
struct CompiledName: Sendable {
    let name: MustacheTemplate.Name
    let transforms: [String]

    func value(stack: MustacheStack, sequenceContext: MustacheSequenceContext?) -> Any? {
        MustacheTemplate.child(named: name, transforms: transforms, stack: stack, sequenceContext: sequenceContext)
    }
}

/// `{{name}}`, `{{{name}}}` and `{{&name}}`.
final class CompiledVariable: Sendable {
    let name: CompiledName
    let escaped: Bool
    let scope: CompiledScope
    /// The template the variable is in; `MustacheTemplate` renders the values compiled code does not.
    let template: MustacheTemplate

    init(_ name: CompiledName, escaped: Bool, scope: CompiledScope, template: MustacheTemplate) {
        (self.name, self.escaped, self.scope, self.template) = (name, escaped, scope, template)
    }

    func render(stack: MustacheStack, sequenceContext: MustacheSequenceContext?, into out: inout String) {
        guard let child = name.value(stack: stack, sequenceContext: sequenceContext) else { return }
        // As `MustacheTemplate.renderVariable` renders text, flags and numbers.
        guard let text = MustacheTemplate.plainText(child) else {
            template.renderVariable(child, escaped: escaped, context: scope.context(stack: stack, sequenceContext: sequenceContext), into: &out)
            return
        }
        if !escaped {
            out += text
        } else if scope.isHTML {
            text.htmlEscape(into: &out)
        } else {
            scope.contentType.escapeText(text, into: &out)
        }
    }
}

/// `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}`.
final class CompiledSection: Sendable {
    let name: CompiledName
    /// The section's inside as parsed (its text is a lambda's parameter), and compiled.
    let template: MustacheTemplate
    let block: CompiledBlock
    let scope: CompiledScope

    init(_ name: CompiledName, template: MustacheTemplate, block: CompiledBlock, scope: CompiledScope) {
        (self.name, self.template, self.block, self.scope) = (name, template, block, scope)
    }

    /// `renderToken`'s `.section` and `renderSection`: okc's types here, the rest there.
    func render(stack: MustacheStack, sequenceContext: MustacheSequenceContext?, into out: inout String) {
        let found = name.value(stack: stack, sequenceContext: sequenceContext)
        guard let child = found else { return }
        if let items = unboxed(child, as: [[String: Any]].self) {
            renderItems(items, stack: stack, into: &out) { MustacheStack(dictionary: $0, parent: $1) }
        } else if let flag = unboxed(child, as: Bool.self) {
            if flag { block.render(stack: stack, sequenceContext: sequenceContext, into: &out) }
        } else if let dictionary = unboxed(child, as: [String: Any].self) {
            block.render(stack: MustacheStack(dictionary: dictionary, parent: stack), sequenceContext: nil, into: &out)
        } else if Swift.type(of: child) == String.self {
            block.render(stack: MustacheStack(child, parent: stack), sequenceContext: nil, into: &out)
        } else if let items = unboxed(child, as: [String].self) {
            renderItems(items, stack: stack, into: &out) { MustacheStack($0, parent: $1) }
        } else {
            let context = scope.context(stack: stack, sequenceContext: sequenceContext)
            if let lambda = child as? MustacheLambda {
                out += template.renderUnescapedLambda(lambda, parameter: template.text, context: context)
            } else {
                template.renderSection(found, with: template, context: context, into: &out)
            }
        }
    }

    /// `MustacheSequence.renderSection`: each item pushed, with its position.
    private func renderItems<Item>(_ items: [Item], stack: MustacheStack, into out: inout String,
                                   push: (Item, MustacheStack) -> MustacheStack) {
        var sequenceContext = MustacheSequenceContext(first: true)
        let lastIndex = items.count - 1
        for index in items.indices {
            sequenceContext.last = index == lastIndex
            block.render(stack: push(items[index], stack), sequenceContext: sequenceContext, into: &out)
            sequenceContext.first = false
            sequenceContext.index += 1
        }
    }

    /// `renderInvertedSection`: okc's types here, the rest there.
    func renderInverted(stack: MustacheStack, sequenceContext: MustacheSequenceContext?, into out: inout String) {
        let found = name.value(stack: stack, sequenceContext: sequenceContext)
        guard let child = found else {
            block.render(stack: stack, sequenceContext: sequenceContext, into: &out)
            return
        }
        let type = Swift.type(of: child)
        if let flag = unboxed(child, as: Bool.self) {
            if !flag { block.render(stack: stack, sequenceContext: sequenceContext, into: &out) }
        } else if type == [String: Any].self || type == String.self {
            return
        } else if let isEmpty = unboxed(child, as: [[String: Any]].self)?.isEmpty ?? unboxed(child, as: [String].self)?.isEmpty {
            // `MustacheSequence.renderInvertedSection`: an empty list is pushed (`withObject`) and renders it.
            if isEmpty { block.render(stack: MustacheStack(child, parent: stack), sequenceContext: nil, into: &out) }
        } else {
            template.renderInvertedSection(found, with: template, context: scope.context(stack: stack, sequenceContext: sequenceContext), into: &out)
        }
    }
}

/// A token the compiler leaves as it is (indented partials and blocks, dynamic partials, recursion):
/// `MustacheTemplate` renders it with the context it would have here.
final class CompiledToken: Sendable {
    let token: MustacheTemplate.Token
    let scope: CompiledScope
    let template: MustacheTemplate

    init(token: MustacheTemplate.Token, scope: CompiledScope, template: MustacheTemplate) {
        self.token = token
        self.scope = scope
        self.template = template
    }

    func render(stack: MustacheStack, sequenceContext: MustacheSequenceContext?, into out: inout String) {
        template.renderToken(token, in: scope.context(stack: stack, sequenceContext: sequenceContext), into: &out)
    }
}
