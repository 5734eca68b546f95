import PhienchoCore
import PhienchoModel
import PhienchoContent

extension PublicTraining {
    /// Each published field copied by name, nothing else.
    convenience init(_ training: Training, isClosed: Bool) {
        self.init(id: training.id, slug: training.slug, title: training.title, provider: training.provider, place: training.place, commune: training.commune, start: training.start, registrationDeadline: training.registrationDeadline, duration: training.duration, cost: training.cost, support: training.support, contactPhone: training.contactPhone, descriptionHTML: training.descriptionHTML, descriptionText: training.descriptionText, isClosed: isClosed)
    }
}
