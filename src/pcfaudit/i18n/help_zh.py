"""The command line's ``--help`` texts in Chinese, by the keys of :mod:`help_en` (a key
missing in one language is a bug the tests catch). Option names, option values, file names
and the placeholders in capitals (FILE, PATHS, DIR, SECONDS) stay as typed."""

from __future__ import annotations

HELP: dict[str, str] = {
    "help.typer.usage": "用法：",
    "help.typer.options_metavar": "[选项]",
    "help.typer.command_metavar": "命令 [参数]...",
    "help.typer.arguments": "参数",
    "help.typer.options": "选项",
    "help.typer.commands": "命令",
    "help.typer.default": "[默认：{}]",
    "help.typer.required": "[必填]",
    "help.typer.envvar": "[环境变量：{}]",
    "help.typer.help": "显示本帮助并退出。",
    "help.opt.format": "text（供人阅读）或 json（供程序读取）。",
    "help.opt.lang": "输出语言：en、zh 或 auto（与系统区域设置一致）。",
    "help.opt.output": "写入文件 FILE，而不是标准输出。",
    "help.opt.config_file": "要使用的配置文件：pcfaudit.toml 或 pyproject.toml。",
    "help.opt.reference_dir": "在内置参考数据包之上叠加自己的参考数据包。",
    "help.app": (
        "审核产品碳足迹报告（PDF、DOCX、文本）：重新计算每一个数值，指出每一处不一致及其位置。\n\n"
        "“pcfaudit 命令 --help”查看某个命令的说明；“--lang zh”以中文显示帮助。"
    ),
    "help.app.version": "显示版本号。",
    "help.app.lang": "帮助及各命令输出的语言：en、zh 或 auto。",
    "help.check": (
        "审核报告并列出发现的问题。\n\n"
        "退出码：没有达到 --fail-on 级别的问题时为 0，有则为 1；输入无法读取、报告无法审核或用法错误时为 2。"
    ),
    "help.check.files": "要审核的报告（PDF、DOCX、文本、Markdown）。",
    "help.check.format": "输出格式。",
    "help.check.lang": "问题说明的语言：auto（与报告相同）、en 或 zh。",
    "help.check.fail_on": "仍有达到或高于此严重程度的问题时，退出码为 1。",
    "help.check.select": "要运行的规则代码或代码前缀（以逗号分隔）。",
    "help.check.ignore": "要跳过的规则代码或代码前缀。",
    "help.check.waivers": "豁免文件（TOML），列出已接受问题的指纹。",
    "help.check.statistics": "按规则统计问题数量。",
    "help.check.annotate": "另存一份标注过的报告：PDF 报告在每个问题所涉的数值上加高亮，DOCX 报告为每个问题加 Word 批注。",
    "help.check.timeout": "单个文件超过 SECONDS 秒即放弃（0：不限时）。",
    "help.check.baseline": "先前一次 check 的 JSON 输出：其中的问题视为已接受，只有新出现的问题才会使本次运行失败。",
    "help.check.add_waivers": (
        "接受所有未解决的问题：将其指纹追加到豁免文件（--waivers 指定的、配置中指定的或 "
        "pcfaudit-waivers.toml），退出码为 0。"
    ),
    "help.extract": "显示 pcfaudit 从报告中读到的内容：识别出的声明和清单，或读到的每个表格。",
    "help.extract.file": "一份报告（PDF、DOCX、文本、Markdown）。",
    "help.extract.tables": "以网格显示每个表格，并注明其页码和表题。",
    "help.extract.lang": "pcfaudit 所用标签的语言：en、zh 或 auto（与报告相同）；报告原文保持原样。",
    "help.rules": "列出规则目录中的全部规则。",
    "help.explain": "解释一条规则：检查什么、为什么重要，并附示例。",
    "help.explain.code": "规则代码（如 FU001）或规则名称（如 functional-unit-mismatch）。",
    "help.reference": "显示参考数据包：每个数值及其出处文献，以及是否已经核实。",
    "help.reference.show": "只显示数据包中的一张表（默认：各表的概要）。",
    "help.reference.notes": "同时显示维护者的注记：每个数值从何处读取、核实到什么程度（JSON 输出中总是包含）。",
    "help.diff": (
        "比较同一报告的两次审核结果：已解决、仍未解决和新出现的问题。\n\n"
        "有达到或高于 --fail-on 级别的新问题时退出码为 1，否则为 0；输入无法读取时为 2。"
    ),
    "help.diff.old": "较早版本的 check JSON 输出。",
    "help.diff.new": "较新版本的 check JSON 输出。",
    "help.diff.fail_on": "有达到或高于此严重程度的新问题时，退出码为 1。",
    "help.batch": (
        "审核 PATHS 下的每一份报告并存入结果数据库，中断后从停止处继续。\n\n"
        "已由相同的工具版本、规则、参考数据包和设置审核过的文件将被跳过。退出码：全部审核完成且没有"
        "达到 --fail-on 级别的问题时为 0，有问题时为 1，有文件无法审核时为 2，被中断时为 130"
        "（已完成的结果全部保留）。"
    ),
    "help.batch.paths": "文件和文件夹（递归查找）。",
    "help.batch.jobs": "工作进程数（0：使用全部 CPU 核）。",
    "help.batch.db": "结果数据库（SQLite）。",
    "help.batch.timeout": "单个文件最多可用的秒数。",
    "help.batch.memory_mb": "每个工作进程的内存上限，单位 MB（0：不限）。",
    "help.batch.lang": "存入的问题说明所用语言：auto（与各报告相同）、en 或 zh；进度信息也用此语言（auto：与系统区域设置相同）。",
    "help.batch.fail_on": "有报告存在达到或高于此严重程度的问题时，退出码为 1。",
    "help.batch.retry_errors": "重新审核曾经超时或崩溃的文件。",
    "help.batch.executor": "local（本机多进程）或 dask（Dask 集群）。",
    "help.batch.scheduler": "Dask 调度器地址（配合 “--executor dask” 使用）。",
    "help.results": "汇总或导出结果数据库。",
    "help.results.db": "由 “pcfaudit batch” 写出的结果数据库。",
    "help.results.format": (
        "text、jsonl（每行一份报告）、csv（每行一个问题）、json；配合 --per-report 时为 "
        "markdown、html、sarif 或 json。"
    ),
    "help.results.analytics": "跨报告检查：排放因子相互矛盾、清单相互抄袭。",
    "help.results.per_report": "为每份报告在文件夹 DIR 中写出一个文件。",
    "help.results.min_sequence": "--analytics 所报告的共有数字序列的最短长度。",
    "help.results.lang": (
        "文本汇总（auto：与系统区域设置相同）及 --per-report 文件（auto：各报告自身的语言）所用语言：en 或 zh。"
        "jsonl 与 csv 导出保持 batch 存入时的语言。"
    ),
}
