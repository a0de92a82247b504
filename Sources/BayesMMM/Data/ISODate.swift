/// A calendar date in the proleptic Gregorian calendar, read from `YYYY-MM-DD`.
///
/// ```swift
/// let date = ISODate("2023-09-17")        // Sunday
/// date?.dayNumber                         // 19617 (days since 1970-01-01)
/// date?.isoWeekOfYear                     // 37
/// ```
///
/// Day numbers use Howard Hinnant's `days_from_civil` algorithm, exact for every year
/// 0000-9999 that the parser accepts. The ISO week (ISO 8601) is the week, Monday to Sunday,
/// counted from the week that holds the year's first Thursday; it runs 1...52 or 1...53.
public struct ISODate: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// Parses exactly `YYYY-MM-DD` (four-digit year, two-digit month and day, a real date);
  /// `nil` for anything else, including surrounding text.
  public init?(_ text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-")
    else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let byte = bytes[index]
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      (1...12).contains(month), day >= 1, day <= ISODate.daysIn(month: month, year: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// The date `dayNumber` days after 1970-01-01 (negative: before).
  public init(dayNumber: Int) {
    // Hinnant's civil_from_days: shift the epoch to 0000-03-01 so leap days end a year.
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  }

  /// Days since 1970-01-01 (Hinnant's days_from_civil).
  public var dayNumber: Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// ISO weekday: Monday = 1 ... Sunday = 7 (1970-01-01 was a Thursday).
  public var isoWeekday: Int {
    let offset = (dayNumber + 3) % 7
    return (offset < 0 ? offset + 7 : offset) + 1
  }

  /// ISO 8601 week of the year, 1...53: the week of this date's Thursday, counted within
  /// the Thursday's year.
  public var isoWeekOfYear: Int {
    let thursday = ISODate(dayNumber: dayNumber - isoWeekday + 4)
    let firstOfYear = ISODate(year: thursday.year, month: 1, day: 1)
    return (thursday.dayNumber - firstOfYear.dayNumber) / 7 + 1
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    func padded(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
  }

  public static func < (lhs: ISODate, rhs: ISODate) -> Bool { lhs.dayNumber < rhs.dayNumber }

  private init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2:
      let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return leap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}
