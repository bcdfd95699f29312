import GRDB

extension ReportRecord: FetchableRecord, PersistableRecord {}
extension ActionItemRecord: FetchableRecord, PersistableRecord {}

extension ItemHistoryRecord: FetchableRecord, MutablePersistableRecord {
  public mutating func didInsert(_ inserted: InsertionSuccess) {
    id = inserted.rowID
  }
}
