/// okc: a library's templates compiled once for rendering many pages with it.
///
/// `MustacheLibrary.render` walks the parsed tokens and carries a `MustacheContext` (seven fields, copied
/// for every object a section pushes), looks every partial up by name and decides at each variable which
/// content type escapes it. All of that depends on the templates alone, never on the data: here it is
/// decided once. Partials and inheritance blocks are inlined, content types fixed per variable, and a
/// render carries only the stack and the sequence position. What the compiler does not handle (indented
/// partials and blocks, dynamic partials, recursion) renders through `MustacheTemplate`'s own code, and
/// every value that is not one of okc's plain types is handed to that code too, so that output stays
/// exactly what `MustacheLibrary.render` gives.
///
/// `constants`: values that the root object of every render holds under these keys, and that no object a
/// section pushes has a key for (so a lookup of one always climbs to the root). A variable naming one,
/// without transforms (`{{t.meeting_date}}`, `{{site.title}}`), is then the same text on every render:
/// it is written into the compiled text once instead of looked up, key by key, on each. Only text, flags
/// and numbers are written; anything else (and every section) is still looked up when rendered.
public struct MustacheCompiledLibrary: Sendable {
    private let blocks: [String: CompiledBlock]

    public init(_ library: MustacheLibrary, constants: [String: Any] = [:]) {
        var blocks: [String: CompiledBlock] = [:]
        let scope = CompiledScope(inherited: nil, contentType: HTMLContentType(), library: library)
        for name in library.templateNames {
            guard let template = library.getTemplate(named: name) else { continue }
            var compiler = TemplateCompiler(library: library, constants: constants)
            blocks[name] = compiler.compile(template, scope: scope, partials: [], depth: 0)
        }
        self.blocks = blocks
    }

    /// What `MustacheLibrary.render(_:withTemplate:)` renders.
    public func render(_ object: Any, withTemplate name: String) -> String? {
        guard let block = blocks[name] else { return nil }
        var out = ""
        // Room for the template's own text and as much again for the values: fewer copies as the page grows.
        out.reserveCapacity(2 * block.textSize)
        block.render(stack: MustacheStack(object, parent: nil), sequenceContext: nil, into: &out)
        return out
    }
}

/// Turns a template's tokens into a `CompiledBlock`, inlining the partials and blocks it reaches.
struct TemplateCompiler {
    let library: MustacheLibrary
    /// See `MustacheCompiledLibrary`.
    let constants: [String: Any]
    /// Tokens still allowed to be compiled; past it (and past `maxDepth`) partials and blocks stay
    /// tokens, so that a template that recurses or inlines exponentially still compiles quickly.
    private var budget = 200_000
    private static let maxDepth = 24

    init(library: MustacheLibrary, constants: [String: Any] = [:]) {
        self.library = library
        self.constants = constants
    }

    /// What a variable naming a constant renders, as `CompiledVariable.render` would render it; nil when
    /// it is not a constant's text, flag or number (then it is looked up when rendered).
    func constantText(_ name: MustacheTemplate.Name, transforms: [String], escaped: Bool, scope: CompiledScope) -> String? {
        guard transforms.isEmpty, let first = name.climbing, let root = constants[first] else { return nil }
        // A name the constant does not have renders as nothing, as its lookup from the root would.
        guard let value = name.parts.count == 1 ? root : MustacheTemplate.descend(name.parts.dropFirst(), from: root) else { return "" }
        guard MustacheTemplate.isPlain(value), let text = MustacheTemplate.plainText(value) else { return nil }
        guard escaped else { return text }
        var out = ""
        if scope.isHTML { text.htmlEscape(into: &out) } else { scope.contentType.escapeText(text, into: &out) }
        return out
    }

    /// Adjacent texts appended one after the other give the same output as one text.
    private func append(text: String, to ops: inout [CompiledOp]) {
        if case .text(let previous) = ops.last {
            ops[ops.count - 1] = .text(previous + text)
        } else if !text.isEmpty {
            ops.append(.text(text))
        }
    }

    /// - Parameters:
    ///   - scope: what the tokens are rendered with (as `MustacheContext` would hold it at this point)
    ///   - partials: the partials being inlined around this template (one inside itself stays a token)
    mutating func compile(_ template: MustacheTemplate, scope: CompiledScope, partials: [String], depth: Int) -> CompiledBlock {
        var ops: [CompiledOp] = []
        var scope = scope
        for token in template.tokens {
            budget -= 1
            let inlines = budget > 0 && depth < Self.maxDepth
            switch token {
            case .text(let text):
                append(text: text, to: &ops)

            case .variable(let name, let transforms):
                if let text = constantText(name, transforms: transforms, escaped: true, scope: scope) {
                    append(text: text, to: &ops)
                } else {
                    ops.append(.variable(CompiledVariable(CompiledName(name: name, transforms: transforms), escaped: true, scope: scope, template: template)))
                }

            case .unescapedVariable(let name, let transforms):
                if let text = constantText(name, transforms: transforms, escaped: false, scope: scope) {
                    append(text: text, to: &ops)
                } else {
                    ops.append(.variable(CompiledVariable(CompiledName(name: name, transforms: transforms), escaped: false, scope: scope, template: template)))
                }

            case .section(let name, let transforms, let section):
                let block = compile(section, scope: scope, partials: partials, depth: depth + 1)
                ops.append(.section(CompiledSection(CompiledName(name: name, transforms: transforms), template: section, block: block, scope: scope)))

            case .invertedSection(let name, let transforms, let section):
                let block = compile(section, scope: scope, partials: partials, depth: depth + 1)
                ops.append(.invertedSection(CompiledSection(CompiledName(name: name, transforms: transforms), template: section, block: block, scope: scope)))

            case .blockExpansion(let name, let defaultTemplate, let indentation) where inlines && (indentation?.isEmpty ?? true):
                // `withBlockExpansion`: the override or the default, no sequence position, the same content type.
                let block = scope.inherited?[name] ?? defaultTemplate
                ops.append(.scope(compile(block, scope: scope, partials: partials, depth: depth + 1)))

            case .partial(let name, let indentation, let overrides) where inlines && (indentation?.isEmpty ?? true) && !partials.contains(name):
                // An unknown partial renders as nothing.
                guard let partial = library.getTemplate(named: name) else { continue }
                // `withPartial`: no sequence position, HTML again, the overrides merged.
                let inner = CompiledScope(inherited: MustacheContext.inherited(scope.inherited, with: overrides),
                                          contentType: HTMLContentType(), library: library)
                ops.append(.scope(compile(partial, scope: inner, partials: partials + [name], depth: depth + 1)))

            case .contentType(let contentType):
                // Changes the rest of this template only: what follows is compiled with it.
                scope = CompiledScope(inherited: scope.inherited, contentType: contentType, library: library)

            case .blockExpansion, .partial, .dynamicNamePartial, .blockDefinition:
                ops.append(.token(CompiledToken(token: token, scope: scope, template: template)))
            }
        }
        return CompiledBlock(ops)
    }
}

/// What a compiled token renders with besides the stack: the `MustacheContext` fields that the templates
/// alone decide. Indentation is never among them: indented partials and blocks are not compiled.
final class CompiledScope: Sendable {
    let inherited: [String: MustacheTemplate]?
    let contentType: MustacheContentType
    let library: MustacheLibrary
    /// The content type okc's templates use, escaped without a call through the protocol.
    let isHTML: Bool

    init(inherited: [String: MustacheTemplate]?, contentType: MustacheContentType, library: MustacheLibrary) {
        self.inherited = inherited
        self.contentType = contentType
        self.library = library
        self.isHTML = contentType is HTMLContentType
    }

    /// The context `MustacheTemplate` would render with here, for the values and tokens compiled code hands to it.
    func context(stack: MustacheStack, sequenceContext: MustacheSequenceContext?) -> MustacheContext {
        MustacheContext(stack: stack, sequenceContext: sequenceContext, indentation: nil, inherited: inherited,
                        contentType: contentType, library: library, reloadPartials: false)
    }
}
