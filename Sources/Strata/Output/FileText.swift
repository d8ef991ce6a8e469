/// The catalog's texts for files that cannot be written (`AtomicFileError`); the system's own reason
/// (`strerror`) is quoted as the system gives it.
enum FileText: String, CatalogKey {
    case cannotWrite, pathIsFolder, cannotCreateFolder, cannotKeepPermissions, alreadyClosed, errorNumber

    var template: Template {
        switch self {
        case .cannotWrite: Template(en: "cannot write {path}: {reason}", zh: "无法写入 {path}：{reason}")
        case .pathIsFolder: Template(en: "the path names a folder, not a file", zh: "这个路径是文件夹，不是文件")
        case .cannotCreateFolder: Template(en: "cannot create folder {folder}", zh: "无法创建文件夹 {folder}")
        case .cannotKeepPermissions: Template(en: "cannot keep the file's permissions: {reason}", zh: "无法保留文件原有的权限：{reason}")
        case .alreadyClosed: Template(en: "the file was already closed", zh: "文件已经关闭")
        case .errorNumber: Template(en: "error {number}", zh: "错误 {number}")
        }
    }
}
