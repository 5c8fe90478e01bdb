"""The one-line messages pcfaudit writes to stderr (bad input, refused output, usage
errors), in Chinese. Templates as in :mod:`phrases_zh`: the first that matches the whole
message wins; ``{path}``, ``{value}`` and ``{detail}`` slots are kept as written (file
names, the user's typing, a system's own error text), other slots are translated in turn."""

from __future__ import annotations

ERRORS: list[tuple[str, str]] = [
    # usage errors (typer/click)
    ("No such option: {value} (Possible options: {choices})", "没有选项 {value}（可用的选项：{choices}）"),
    ("No such option: {value}", "没有选项 {value}"),
    ("No such command {value}. Did you mean {choices}?", "没有命令 {value}（是否应为 {choices}？）"),
    ("No such command {value}.", "没有命令 {value}"),
    ("Missing argument {value}.", "缺少参数 {value}"),
    ("Missing option {value}.", "缺少选项 {value}"),
    ("Missing parameter: {value}", "缺少参数 {value}"),
    ("Missing command.", "缺少命令"),
    ("Missing command", "缺少命令"),
    ("Invalid value for {value}: {detail} is not one of {choices}.", "{value} 的值 {detail} 无效，应为 {choices} 之一"),
    ("Invalid value for {value}: {detail} is not a valid integer.", "{value} 的值 {detail} 不是整数"),
    ("Invalid value for {value}: {detail} is not a valid float.", "{value} 的值 {detail} 不是数字"),
    ("Invalid value for {value}: {detail} is not a valid float range.", "{value} 的值 {detail} 不是数字"),
    ("Invalid value for {value}: {detail} is not a valid integer range.", "{value} 的值 {detail} 不是整数"),
    ("Invalid value for {value}: {detail}", "{value} 的值无效：{detail}"),
    ("Option {value} requires an argument.", "选项 {value} 需要一个值"),
    ("Option {value} requires {detail} arguments.", "选项 {value} 需要 {detail} 个值"),
    ("Option {value} does not take a value.", "选项 {value} 不接受值"),
    ("Got unexpected extra argument ({value})", "多余的参数（{value}）"),
    ("Got unexpected extra arguments ({value})", "多余的参数（{value}）"),
    # input that cannot be read
    ("no file given (the path is empty)", "未指定文件（路径为空）"),
    ("{path}: no such file", "{path}：文件不存在"),
    ("{path}: permission denied", "{path}：没有读取权限"),
    ("{path}: is a directory", "{path}：这是文件夹，不是文件"),
    ("{path}: cannot open ({detail})", "{path}：无法打开（{detail}）"),
    ("{path}: cannot read ({detail})", "{path}：无法读取（{detail}）"),
    ("{path}: {what} too large ({detail}; the limit is {value}){advice}", "{path}：{what}过大（{detail}，上限为 {value}）{advice}"),
    ("{path}: empty file", "{path}：文件为空"),
    ("{path}: this is a PDF file, not text", "{path}：这是 PDF 文件，不是文本"),
    ("{path}: this is a ZIP/DOCX file, not text", "{path}：这是 ZIP/DOCX 文件，不是文本"),
    ("{path}: encrypted PDF: a password is required", "{path}：PDF 已加密，需要密码"),
    ("{path}: encrypted PDF: unsupported security handler", "{path}：PDF 已加密，加密方式不受支持"),
    ("{path}: damaged PDF: {detail}", "{path}：PDF 文件已损坏（{detail}）"),
    ("{path}: damaged DOCX: {detail}", "{path}：DOCX 文件已损坏（{detail}）"),
    ("{path}: internal error ({detail}); set PCFAUDIT_DEBUG=1 for details",
     "{path}：内部错误（{detail}）；设置 PCFAUDIT_DEBUG=1 可查看详情"),
    ("{path}: cannot extract ({detail})", "{path}：无法提取内容（{detail}）"),
    ("{path}: --annotate needs a PDF or DOCX report; skipped", "{path}：--annotate 只适用于 PDF 或 DOCX 报告，已跳过"),
    ("{path}: timed out after {value} s", "{path}：超时（{value} 秒）"),
    ("--executor dask needs --scheduler ADDRESS", "--executor dask 需要 --scheduler ADDRESS"),
    ("no such file or folder: {path}", "文件或文件夹不存在：{path}"),
    ("batch failed ({detail})", "批量审核失败（{detail}）"),
    # output that is refused
    ("{path}: is an input{detail}; refusing to overwrite it", "{path}：这是输入文件{detail}，不能覆盖"),
    ("{path}: is a symbolic link; refusing to write through it", "{path}：这是符号链接，不通过它写入"),
    ("{path}: is a directory; give a file name", "{path}：这是文件夹，请给出文件名"),
    ("{path}: is a file, not a folder", "{path}：这是文件，不是文件夹"),
    ("{path}: no such folder {value}", "{path}：文件夹 {value} 不存在"),
    ("{path}: folder {value} is not writable", "{path}：文件夹 {value} 不可写"),
    ("{path}: cannot write ({detail})", "{path}：无法写入（{detail}）"),
    ("{path}: cannot create ({detail})", "{path}：无法创建（{detail}）"),
    ("{path}: cannot write waivers ({detail})", "{path}：无法写入豁免文件（{detail}）"),
    ("added {value} waivers to {path}", "已向 {path} 添加 {value} 条豁免"),
    ("unknown rule {value}; `pcfaudit rules` lists them", "未知规则 {value}；规则列表见 “pcfaudit rules”"),
    ("reference pack: {detail}", "参考数据包：{detail}"),
    # the results database of batch and results
    ("{path}: no such results database", "{path}：结果数据库不存在"),
    ("{path}: not a pcfaudit results database", "{path}：不是 pcfaudit 的结果数据库"),
    ("{path}: not a results database (it is some other file)", "{path}：不是结果数据库（是别的文件）"),
    ("{path}: the results database is read-only (check the file's and its folder's permissions)",
     "{path}：结果数据库只读（请检查该文件及其所在文件夹的权限）"),
    ("{path}: the results database is damaged ({detail}); restore a copy or start a new --db",
     "{path}：结果数据库已损坏（{detail}）；请恢复备份，或用 --db 另建一个"),
    ("{path}: the results database is locked by another program ({detail})", "{path}：结果数据库被其他程序锁定（{detail}）"),
    ("{path}: cannot open the results database ({detail})", "{path}：无法打开结果数据库（{detail}）"),
    ("{path}: cannot create the batch lock ({detail})", "{path}：无法创建批量审核锁文件（{detail}）"),
    ("{path}: another pcfaudit batch (pid {value}) is writing to this database; wait for it to finish or use another --db",
     "{path}：另一个 pcfaudit batch（进程号 {value}）正在写入此数据库；请等它结束，或用 --db 指定另一个数据库"),
    ("--per-report takes --format markdown, html, sarif or json", "--per-report 只接受 --format markdown、html、sarif 或 json"),
    ("--format {value} needs --per-report DIR", "--format {value} 需要配合 --per-report DIR"),
]

# words inside a slot that is translated (``{what}``, ``{advice}``)
WORDS: dict[str, str] = {
    "file": "文件",
    "text file": "文本文件",
    "input": "输入",
}
