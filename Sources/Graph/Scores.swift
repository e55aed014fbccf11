import Content

/// The outcome of a priority exercise: each option's mean and its place, computed, never typed.
public struct ScoreResult: Sendable, Hashable {
    public var option: String
    public var values: [Double]
    /// Rounded to one decimal, as the page shows it.
    public var mean: Double
    /// 1 for the best mean; equal means share a place.
    public var rank: Int

    /// `2,6`: Swedish decimal comma.
    public var meanText: String { Scores.decimalComma(mean) }
}

public enum Scores {
    public static func roundedMean(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let mean = values.reduce(0, +) / Double(values.count)
        return (mean * 10).rounded(.toNearestOrAwayFromZero) / 10
    }

    /// Ranks on the rounded means, as readers see them; `lowIsBest` ranks the lowest mean first.
    public static func results(_ scores: [Meeting.Score], lowIsBest: Bool = false) -> [ScoreResult] {
        let means = scores.map { roundedMean($0.values) ?? 0 }
        return scores.enumerated().map { index, score in
            let rank = 1 + means.filter { lowIsBest ? $0 < means[index] : $0 > means[index] }.count
            return ScoreResult(option: score.option, values: score.values, mean: means[index], rank: rank)
        }
    }

    public static func decimalComma(_ value: Double) -> String {
        // A value no Int holds is a typo (`values: 99999999999999999999` checks as a number): it is shown
        // as Swift writes it, with a comma, where converting it stopped okc in the render.
        guard let tenths = Int(exactly: (value * 10).rounded(.toNearestOrAwayFromZero)), tenths != .min else {
            return String(value).replacingOccurrences(of: ".", with: ",")
        }
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10),\(abs(tenths) % 10)"
    }

    /// Decimal text without trailing `,0` for values that are whole (`3`, `2,5`).
    public static func number(_ value: Double) -> String {
        if value == value.rounded(), let whole = Int(exactly: value) { return String(whole) }
        return decimalComma(value)
    }
}
