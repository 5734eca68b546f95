import PhienchoCore
import PhienchoModel

/// Named templates: the pages of a theme and the partials and parents they refer to by name
/// (`{{> partials/vacancy-card}}`, `{{< layout}}`). A name with no template renders nothing.
struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]

    package init() {}

    /// Parses `text` and registers it under `name` (replacing a template of that name).
    package mutating func register(_ text: String, named name: String) throws(TemplateError) {
        templates[name] = try Template(text)
    }

    package mutating func register(_ template: Template, named name: String) {
        templates[name] = template
    }

    package func template(named name: String) -> Template? {
        templates[name]
    }

    /// The template `name` rendered with `context` as UTF-8 bytes; nil when there is no such template.
    /// `capacity` is a guess of the output size, to spare reallocations.
    package func render(_ name: String, _ context: TemplateValue, capacity: Int = 16_384) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var renderer = TemplateRenderer(library: self, context: context, capacity: capacity)
        renderer.render(template, TemplateRenderer.Frame())
        return renderer.output
    }
}
