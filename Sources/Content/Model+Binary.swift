/// The binary form of the content models (see Binary.swift). Every field is written, in declaration
/// order; a change to a model must change its codec and `BinaryFormat.version`.
public enum BinaryFormat {
    /// Part of every cache key: a cache written by another format is never read.
    public static let version = 1
}

extension Kind: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) { writer.write(Kind.allCases.firstIndex(of: self)!) }
    public init(from reader: inout BinaryReader) throws {
        let index = try reader.readInt()
        guard Kind.allCases.indices.contains(index) else { throw BinaryReader.Corrupt() }
        self = Kind.allCases[index]
    }
}

extension Day: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) { writer.write(year); writer.write(month); writer.write(day) }
    public init(from reader: inout BinaryReader) throws {
        guard let day = Day(year: try reader.readInt(), month: try reader.readInt(), day: try reader.readInt()) else { throw BinaryReader.Corrupt() }
        self = day
    }
}

extension FuzzyDay: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) { writer.write(description) }
    public init(from reader: inout BinaryReader) throws {
        guard let value = FuzzyDay(try reader.readString()) else { throw BinaryReader.Corrupt() }
        self = value
    }
}

extension SourcePosition: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) { writer.write(file); writer.write(line); writer.write(column) }
    public init(from reader: inout BinaryReader) throws {
        self.init(file: try reader.readString(), line: try reader.readInt(), column: try reader.readInt())
    }
}

extension Located: BinaryCodable where Value: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) { writer.write(value); writer.write(position) }
    public init(from reader: inout BinaryReader) throws {
        self.init(try reader.read(Value.self), at: try reader.read(SourcePosition.self))
    }
}

extension Diagnostic: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) {
        writer.write(file); writer.write(line); writer.write(column); writer.write(severity == .error)
        writer.write(message); writer.write(hint)
    }
    public init(from reader: inout BinaryReader) throws {
        self.init(file: try reader.readString(), line: try reader.readInt(), column: try reader.readInt(),
                  severity: try reader.readBool() ? .error : .warning, message: try reader.readString(), hint: try reader.readOptional(String.self))
    }
}

extension Meeting.Attendance: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) { writer.write(person); writer.write(role) }
    public init(from reader: inout BinaryReader) throws {
        self.init(person: try reader.read(), role: try reader.readOptional(String.self))
    }
}

extension Meeting.Decision: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) { writer.write(text); writer.write(area); writer.write(position) }
    public init(from reader: inout BinaryReader) throws {
        self.init(text: try reader.readString(), area: try reader.readOptional(Located<String>.self), position: try reader.read())
    }
}

extension Meeting.Action: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) {
        writer.write(text); writer.write(owner); writer.write(due); writer.write(status.rawValue); writer.write(area); writer.write(position)
    }
    public init(from reader: inout BinaryReader) throws {
        let text = try reader.readString()
        let owner = try reader.readOptional(Located<String>.self)
        let due = try reader.readOptional(Day.self)
        guard let status = Meeting.Status(rawValue: try reader.readString()) else { throw BinaryReader.Corrupt() }
        self.init(text: text, owner: owner, due: due, status: status, area: try reader.readOptional(Located<String>.self),
                  position: try reader.read())
    }
}

extension Meeting.Score: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) { writer.write(option); writer.write(values); writer.write(writtenMean); writer.write(position) }
    public init(from reader: inout BinaryReader) throws {
        self.init(option: try reader.readString(), values: try reader.readArray(Double.self),
                  writtenMean: try reader.readOptional(Located<Double>.self), position: try reader.read())
    }
}

extension Meeting: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) {
        writer.write(type); writer.write(start); writer.write(end); writer.write(location); writer.write(group)
        writer.write(attendees); writer.write(guests); writer.write(participants); writer.write(organisations)
        writer.write(decisions); writer.write(actions); writer.write(scores); writer.write(lowScoreIsBest)
        writer.write(recordedBy); writer.write(recordedOn); writer.write(approvedBy); writer.write(registration); writer.write(startPosition)
    }
    public init(from reader: inout BinaryReader) throws {
        self.init()
        type = try reader.readOptional()
        start = try reader.readOptional()
        end = try reader.readOptional()
        location = try reader.readOptional()
        group = try reader.readOptional()
        attendees = try reader.readArray()
        guests = try reader.readArray()
        participants = try reader.readOptional()
        organisations = try reader.readOptional()
        decisions = try reader.readArray()
        actions = try reader.readArray()
        scores = try reader.readArray()
        lowScoreIsBest = try reader.readBool()
        recordedBy = try reader.readOptional()
        recordedOn = try reader.readOptional()
        approvedBy = try reader.readArray()
        registration = try reader.readOptional()
        startPosition = try reader.readOptional()
    }
}

extension Organisation: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) {
        writer.write(categories); writer.write(subregions); writer.write(allSubregions); writer.write(federation)
        writer.write(memberOrganisations); writer.write(website); writer.write(signed); writer.write(parent); writer.write(offers); writer.write(seeks)
    }
    public init(from reader: inout BinaryReader) throws {
        self.init()
        categories = try reader.readArray()
        subregions = try reader.readArray()
        allSubregions = try reader.readBool()
        federation = try reader.readBool()
        memberOrganisations = try reader.readOptional()
        website = try reader.readOptional()
        signed = try reader.readOptional()
        parent = try reader.readOptional()
        offers = try reader.readArray()
        seeks = try reader.readArray()
    }
}

extension Person.Role: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) {
        writer.write(group); writer.write(role); writer.write(from); writer.write(to); writer.write(organisation)
    }
    public init(from reader: inout BinaryReader) throws {
        self.init(group: try reader.read(), role: try reader.readString(), from: try reader.readOptional(FuzzyDay.self),
                  to: try reader.readOptional(FuzzyDay.self), organisation: try reader.readOptional(Located<String>.self))
    }
}

extension Person: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) {
        writer.write(initials); writer.write(side); writer.write(title); writer.write(organisation); writer.write(roles); writer.write(succeeded)
    }
    public init(from reader: inout BinaryReader) throws {
        self.init()
        initials = try reader.readOptional()
        side = try reader.readOptional()
        title = try reader.readOptional()
        organisation = try reader.readOptional()
        roles = try reader.readArray()
        succeeded = try reader.readOptional()
    }
}

extension Group: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) { writer.write(abbreviation) }
    public init(from reader: inout BinaryReader) throws { self.init(abbreviation: try reader.readOptional()) }
}

extension Plan.Area: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) { writer.write(id); writer.write(title); writer.write(kind); writer.write(summary) }
    public init(from reader: inout BinaryReader) throws {
        self.init(id: try reader.read(), title: try reader.readString(), kind: try reader.readOptional(String.self),
                  summary: try reader.readOptional(String.self))
    }
}

extension Plan: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) {
        writer.write(from); writer.write(to); writer.write(areas); writer.write(decided); writer.write(status); writer.write(organisation)
    }
    public init(from reader: inout BinaryReader) throws {
        self.init()
        from = try reader.readOptional()
        to = try reader.readOptional()
        areas = try reader.readArray()
        decided = try reader.readOptional()
        status = try reader.readOptional()
        organisation = try reader.readOptional()
    }
}

extension Report.Chapter: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) { writer.write(heading); writer.write(area) }
    public init(from reader: inout BinaryReader) throws { self.init(heading: try reader.read(), area: try reader.read()) }
}

extension Report: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) {
        writer.write(diarienummer); writer.write(responsible); writer.write(officer); writer.write(plan); writer.write(chapters)
    }
    public init(from reader: inout BinaryReader) throws {
        self.init()
        diarienummer = try reader.readOptional()
        responsible = try reader.readOptional()
        officer = try reader.readOptional()
        plan = try reader.readOptional()
        chapters = try reader.readArray()
    }
}

extension Page: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) { writer.write(menu) }
    public init(from reader: inout BinaryReader) throws { self.init(menu: try reader.readOptional()) }
}

extension Document.Payload: BinaryCodable {
    public func encode(to writer: inout BinaryWriter) {
        switch self {
        case .meeting(let v): writer.write(0); writer.write(v)
        case .organisation(let v): writer.write(1); writer.write(v)
        case .person(let v): writer.write(2); writer.write(v)
        case .group(let v): writer.write(3); writer.write(v)
        case .plan(let v): writer.write(4); writer.write(v)
        case .report(let v): writer.write(5); writer.write(v)
        case .news: writer.write(6)
        case .page(let v): writer.write(7); writer.write(v)
        }
    }
    public init(from reader: inout BinaryReader) throws {
        switch try reader.readInt() {
        case 0: self = .meeting(try reader.read())
        case 1: self = .organisation(try reader.read())
        case 2: self = .person(try reader.read())
        case 3: self = .group(try reader.read())
        case 4: self = .plan(try reader.read())
        case 5: self = .report(try reader.read())
        case 6: self = .news
        case 7: self = .page(try reader.read())
        default: throw BinaryReader.Corrupt()
        }
    }
}

extension Document: BinaryCodable {
    /// Everything but the body's Markdown, which no stage reads after the body is rendered.
    public func encode(to writer: inout BinaryWriter) {
        writer.write(kind); writer.write(id); writer.write(path); writer.write(title); writer.write(date); writer.write(summary)
        writer.write(draft); writer.write(updated); writer.write(bodyLine); writer.write(payload); writer.write(frontMatterTexts)
    }
    public init(from reader: inout BinaryReader) throws {
        self.init(kind: try reader.read(), id: try reader.readString(), path: try reader.readString(), title: try reader.readString(),
                  date: try reader.readOptional(Day.self), summary: try reader.readOptional(String.self), draft: try reader.readBool(),
                  updated: try reader.readOptional(Day.self), body: "", bodyLine: try reader.readInt(), payload: try reader.read(),
                  frontMatterTexts: try reader.readArray())
    }
}
