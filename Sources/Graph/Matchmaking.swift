import Content

/// Pairs what organisations seek with what others offer, by the words they share
/// (the dialogue meeting asked for a way to match organisations with each other).
public struct Match: Sendable, Hashable {
    public var seeker: String
    public var need: String
    public var offerer: String
    public var offer: String
    /// The shared words, sorted: why the two were paired.
    public var sharedWords: [String]
}

public enum Matchmaking {
    /// Short function words carry no meaning for matching.
    static let stopWords: Set<String> = ["och", "att", "för", "med", "som", "det", "den", "en", "ett", "i", "på", "av", "till",
                                         "om", "till", "från", "vi", "er", "oss", "de", "kring", "inom", "mot", "samt", "eller"]

    /// Lower-cased words of at least three letters; a crude Swedish stem (common endings cut) so that
    /// "lokal" meets "lokaler" and "utbildning" meets "utbildningar".
    static func words(_ text: String) -> Set<String> { Set(significantWords(text).map(stem)) }

    static func significantWords(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { $0.count >= 3 && !stopWords.contains($0) }
    }

    static func stem(_ word: String) -> String {
        for ending in ["arna", "erna", "orna", "ande", "ning", "ar", "er", "or", "en", "et", "na"]
        where word.hasSuffix(ending) && word.count - ending.count >= 4 {
            return String(word.dropLast(ending.count))
        }
        return word
    }

    public static func matches(_ organisations: [Document]) -> [Match] {
        // Every offer's words once, and which offers carry each word: a need meets only the offers
        // that share a word with it instead of every offer of every organisation.
        var offers: [(offerer: Document, offer: String, words: Set<String>)] = []
        var offersByWord: [String: [Int]] = [:]
        for offerer in organisations {
            for offer in offerer.organisation?.offers ?? [] {
                let words = words(offer)
                for word in words { offersByWord[word, default: []].append(offers.count) }
                offers.append((offerer, offer, words))
            }
        }
        var result: [Match] = []
        for seeker in organisations {
            for need in seeker.organisation?.seeks ?? [] {
                let needWords = words(need)
                let needSignificant = significantWords(need)
                let candidates = Set(needWords.flatMap { offersByWord[$0] ?? [] }).sorted()
                for index in candidates where offers[index].offerer.id != seeker.id {
                    let (offerer, offer, offerWords) = offers[index]
                    let shared = needWords.intersection(offerWords)
                    // Readers see the words as the seeker wrote them, not their stems.
                    let written = Set(needSignificant.filter { shared.contains(stem($0)) })
                    result.append(Match(seeker: seeker.key, need: need, offerer: offerer.key, offer: offer, sharedWords: written.sorted()))
                }
            }
        }
        return result.sorted { ($0.seeker, $0.need, $0.offerer, $0.offer) < ($1.seeker, $1.need, $1.offerer, $1.offer) }
    }
}
