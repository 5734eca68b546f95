import PhienchoCore
import PhienchoModel

/// Renders templates of a library into UTF-8 bytes: one renderer per page, walking the parsed
/// nodes with a stack of context values.
///
/// Context lookup, sections, partials and template inheritance follow swift-mustache 2.1.1
/// (see `TemplateValue` for truthiness). Where this differs from it, on purpose:
/// - Partials and blocks nest at most `maximumDepth` deep; deeper ones render nothing (a partial
///   that includes itself without end crashes swift-mustache).
/// - Escaping works on UTF-8 bytes; swift-mustache compares whole characters, so it leaves a
///   `<`, `>`, `&`, `"` or `'` followed by a combining mark unescaped.
struct TemplateRenderer {
    static let maximumDepth = 100

    let library: TemplateLibrary
    package var output: [UInt8] = []
    private var stack: [TemplateValue]
    private var depth = 0
    /// Added in front of each line of a standalone partial or block (swift-mustache: in front of
    /// each node's output that starts a line). Set while a partial or block renders.
    private var indentation: [UInt8] = []
    /// Block overrides of the parents being rendered; an outer parent's override wins.
    private var overrides: [String: Template]?

    package init(library: TemplateLibrary, context: TemplateValue, capacity: Int) {
        self.library = library
        stack = [context]
        stack.reserveCapacity(16)
        output.reserveCapacity(capacity)
    }

    /// The position in the list a section is iterating, for `first()`, `last()`, `index()`,
    /// `even()` and `odd()`.
    struct SequencePosition {
        package var index: Int
        var isLast: Bool
    }

    /// What a template renders with besides the context stack, the indentation and the overrides;
    /// plain values, copied for each section.
    struct Frame {
        package var sequence: SequencePosition?
        package var escapes = true
    }

    package mutating func render(_ template: Template, _ frame: Frame) {
        var frame = frame
        template.nodes.withUnsafeBufferPointer { nodes in
            if indentation.isEmpty {
                for index in nodes.indices { render(nodes, index, &frame) }
                return
            }
            let start = output.count
            for index in nodes.indices {
                let before = output.count
                render(nodes, index, &frame)
                if output.count > before && endsLine(from: start, to: before) {
                    output.insert(contentsOf: indentation, at: before)
                }
            }
        }
    }

    /// Whether `output[start..<end]` ends with a line feed that is a character of its own (not the
    /// second half of CR LF).
    private func endsLine(from start: Int, to end: Int) -> Bool {
        guard end > start, output[end - 1] == 0x0A else { return false }
        return end - 2 < start || output[end - 2] != 0x0D
    }

    /// Renders `nodes[index]`, switching on it in place: the nodes are shared by the render threads,
    /// and copying one out would touch the reference counts of what it holds.
    private mutating func render(_ nodes: UnsafeBufferPointer<Template.Node>, _ index: Int, _ frame: inout Frame) {
        switch nodes[index] {
        case .text(let bytes):
            output.append(contentsOf: bytes)

        case .variable(let name, let escaped):
            let value = resolve(name, frame)
            if case .absent = value { return }
            value.appendText(to: &output, escaping: escaped && frame.escapes)

        case .section(let name, let body):
            let value = resolve(name, frame)
            switch value {
            case .list(let items):
                var inner = frame
                for (index, item) in items.enumerated() {
                    inner.sequence = SequencePosition(index: index, isLast: index == items.count - 1)
                    stack.append(item)
                    render(body, inner)
                    stack.removeLast()
                }
            case .bool(let isTrue):
                if isTrue { render(body, frame) }
            case .absent:
                break
            default:
                var inner = frame
                inner.sequence = nil
                stack.append(value)
                render(body, inner)
                stack.removeLast()
            }

        case .invertedSection(let name, let body):
            let value = resolve(name, frame)
            switch value {
            case .list(let items):
                guard items.isEmpty else { return }
                var inner = frame
                inner.sequence = nil
                stack.append(value)
                render(body, inner)
                stack.removeLast()
            case .bool(let isTrue):
                if !isTrue { render(body, frame) }
            case .absent:
                render(body, frame)
            default:
                break
            }

        case .partial(let name, let dynamic, let indentation, let overrides):
            var templateName = name
            if dynamic {
                guard case .string(let resolved) = resolve(Template.Name(name, transforms: []), frame)
                else { return }
                templateName = resolved
            }
            guard let template = library.template(named: templateName), depth < Self.maximumDepth else { return }
            let outer = (self.indentation, self.overrides)
            if let indentation { self.indentation += indentation }
            if let overrides {
                self.overrides = self.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            depth += 1
            render(template, Frame(sequence: nil, escapes: true))
            depth -= 1
            (self.indentation, self.overrides) = outer

        case .block(let name, let defaultBody, let indentation):
            guard depth < Self.maximumDepth else { return }
            let body = overrides?[name] ?? defaultBody
            let outer = self.indentation
            self.indentation += indentation
            depth += 1
            render(body, Frame(sequence: nil, escapes: frame.escapes))
            depth -= 1
            self.indentation = outer

        case .contentType(let escapes):
            frame.escapes = escapes
        }
    }

    /// The value a name stands for, `.absent` when there is none.
    private func resolve(_ name: Template.Name, _ frame: Frame) -> TemplateValue {
        var value: TemplateValue
        var transforms = name.transforms[...]
        switch name.base {
        case .top:
            value = stack[stack.count - 1]
        case .sequence:
            guard let position = frame.sequence, let transform = transforms.popFirst() else { return .absent }
            switch transform {
            case .first: value = .bool(position.index == 0)
            case .last: value = .bool(position.isLast)
            case .index: value = .int(position.index)
            case .even: value = .bool(position.index & 1 == 0)
            case .odd: value = .bool(position.index & 1 == 1)
            default: return .absent
            }
        case .topMember(let keys):
            value = stack[stack.count - 1]
            for key in keys {
                guard let child = value.child(key) else { return .absent }
                value = child
            }
        case .stackMember(let keys):
            guard let found = find(keys[0]) else { return .absent }
            value = found
            for key in keys.dropFirst() {
                guard let child = value.child(key) else { return .absent }
                value = child
            }
        }
        for transform in transforms {
            value = value.applying(transform)
            if case .absent = value { return .absent }
        }
        return value
    }

    /// The first value holding `key`, from the top of the stack down.
    @inline(__always)
    private func find(_ key: String) -> TemplateValue? {
        var index = stack.count - 1
        while index >= 0 {
            if let child = stack[index].child(key) { return child }
            index -= 1
        }
        return nil
    }
}
