import Content

/// `okc schema`: writes the JSON Schemas for editors into a folder, one file per kind plus site.yml and
/// the glossary. Files are replaced; nothing else in the folder is touched.
public enum SchemaWriter {
    /// Returns the paths written.
    public static func write(to folder: String) throws -> [String] {
        let target = FileSystem.absolute(folder)
        var partial = ""
        for part in target.split(separator: "/") {
            partial += "/" + part
            try FileSystem.makeDirectory(partial)
        }
        return try JSONSchema.all.map { entry in
            let path = target + "/" + entry.file
            try FileSystem.write(Array((entry.schema.rendered() + "\n").utf8), to: path)
            return path
        }
    }
}
