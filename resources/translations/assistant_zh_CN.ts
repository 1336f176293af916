<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CatalogSection</name>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="127"/>
        <source>Recommended models</source>
        <translation>推荐模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="128"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="128"/>
        <location filename="../../assistant/gui/catalog_section.py" line="211"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="129"/>
        <source>RAM needed</source>
        <translation>所需内存</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="129"/>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="130"/>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="130"/>
        <source>On this computer</source>
        <translation>本机上的模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="131"/>
        <source>This computer: {ram:.0f} GB of RAM, {cores} cores.</source>
        <translation>本机：{ram:.0f} GB 内存，{cores} 个核心。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="134"/>
        <source>Download from</source>
        <translation>下载来源</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="135"/>
        <source>Download from an address…</source>
        <translation>从地址下载…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="136"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="157"/>
        <source>downloaded</source>
        <translation>已下载</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="159"/>
        <source>recommended</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="161"/>
        <source>needs more RAM</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="163"/>
        <source>slow on {cores} cores</source>
        <translation>{cores} 核上较慢</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="165"/>
        <source>runs here</source>
        <translation>可在本机运行</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="167"/>
        <source>about {size}</source>
        <translation>约 {size}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="197"/>
        <source>Runs on a 2-core laptop.</source>
        <translation>双核笔记本可以运行。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="198"/>
        <source>Too slow for a 2-core laptop.</source>
        <translation>在双核笔记本上太慢。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="206"/>
        <source>Resume ({size} already here)</source>
        <translation>继续下载（已下载 {size}）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="209"/>
        <source>Downloaded</source>
        <translation>已下载</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="239"/>
        <location filename="../../assistant/gui/catalog_section.py" line="246"/>
        <source>Download from an address</source>
        <translation>从地址下载</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="240"/>
        <source>Address of the .gguf file (a Hugging Face or ModelScope file page works too):</source>
        <translation>.gguf 文件的地址（也可以是 Hugging Face 或 ModelScope 的文件页面）：</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="260"/>
        <source>Starting the download of {name}…</source>
        <translation>正在开始下载 {name}…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="272"/>
        <source>{file}: checking the part downloaded before… {done}</source>
        <translation>{file}：正在检查之前已下载的部分… {done}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="275"/>
        <source>{file}: verifying…</source>
        <translation>{file}：正在校验…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="278"/>
        <source>{minutes:.0f} min left</source>
        <translation>还剩 {minutes:.0f} 分钟</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="279"/>
        <source>{seconds:.0f} s left</source>
        <translation>还剩 {seconds:.0f} 秒</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="281"/>
        <source>{file}: {done} of {total} · {speed}/s · {left}</source>
        <translation>{file}：{done} / {total} · {speed}/秒 · {left}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="283"/>
        <source>unknown size</source>
        <translation>大小未知</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="292"/>
        <source>Downloaded and verified: {file}. It is now the active model.</source>
        <translation>已下载并校验：{file}。它现在是当前模型。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="301"/>
        <source> Press Resume to continue.</source>
        <translation>按“继续下载”即可接着下载。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/catalog_section.py" line="309"/>
        <source>Download stopped; what was downloaded is kept. Press Resume to continue.</source>
        <translation>下载已停止，已下载的部分会保留。按“继续下载”即可接着下载。</translation>
    </message>
</context>
<context>
    <name>Clipboard</name>
    <message>
        <location filename="../../assistant/gui/clipboard.py" line="110"/>
        <source>Pasting by itself works only on X11 (this session is &quot;{platform}&quot;). The answer is on the clipboard: press Ctrl+V.</source>
        <extracomment>How long the answer stays on the clipboard after the paste keystroke.</extracomment>
        <translation>只有在 X11 下才能自动粘贴（当前会话为“{platform}”）。回答已在剪贴板中：请按 Ctrl+V。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/clipboard.py" line="121"/>
        <source>Pasting needs the python-xlib package ({error}). Install it, or press Ctrl+V yourself.</source>
        <translation>自动粘贴需要 python-xlib 软件包（{error}）。请安装它，或自己按 Ctrl+V。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/clipboard.py" line="127"/>
        <source>Could not reach the X display to press Ctrl+V ({error}). Press it yourself.</source>
        <translation>无法连接 X 显示服务器来按下 Ctrl+V（{error}）。请自己按。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/clipboard.py" line="132"/>
        <source>The X server has no XTEST extension, so the assistant cannot press Ctrl+V. Press it yourself.</source>
        <translation>X 服务器没有 XTEST 扩展，助手无法按下 Ctrl+V。请自己按。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/clipboard.py" line="138"/>
        <source>The keyboard layout has no Ctrl or V key to press. Press Ctrl+V yourself.</source>
        <translation>当前键盘布局中没有可按的 Ctrl 或 V 键。请自己按 Ctrl+V。</translation>
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
        <location filename="../../assistant/gui/hotkey/macos.py" line="121"/>
        <source>{shortcut}: a Mac keyboard has no {key} key. Pick a different shortcut in Settings.</source>
        <translation>{shortcut}：Mac 键盘上没有 {key} 键。请在设置中另选一个快捷键。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/macos.py" line="151"/>
        <source>macOS Carbon hot key</source>
        <translation>macOS Carbon 快捷键</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/shortcut.py" line="60"/>
        <source>{shortcut} is already used by another program. Pick a different shortcut in Settings.</source>
        <translation>{shortcut} 已被其他程序占用。请在设置中另选一个快捷键。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/macos.py" line="190"/>
        <source>macOS refused the hotkey {shortcut} (error {code}). Pick a different shortcut in Settings.</source>
        <translation>macOS 拒绝注册快捷键 {shortcut}（错误 {code}）。请在设置中另选一个快捷键。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/portal.py" line="57"/>
        <source>No global-shortcut service is available on this desktop. Bind a shortcut to the command `assistant quick` in your desktop&apos;s keyboard settings (GNOME: Settings → Keyboard → Custom Shortcuts; KDE: System Settings → Shortcuts → Custom Shortcuts).</source>
        <translation>此桌面环境没有可用的全局快捷键服务。请在桌面环境的键盘设置中为命令 `assistant quick` 绑定快捷键（GNOME：设置 → 键盘 → 自定义快捷键；KDE：系统设置 → 快捷键 → 自定义快捷键）。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/portal.py" line="79"/>
        <source>Open the quick prompt</source>
        <translation>打开快速提问窗口</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/portal.py" line="135"/>
        <source>XDG desktop portal (GlobalShortcuts)</source>
        <translation>XDG 桌面门户（GlobalShortcuts）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/portal.py" line="208"/>
        <source>The desktop did not set up the hotkey {shortcut}. Try again from Settings, or bind the command `assistant quick` in your desktop&apos;s keyboard settings.</source>
        <translation>桌面环境未能设置快捷键 {shortcut}。请在设置中重试，或在桌面环境的键盘设置中为命令 `assistant quick` 绑定快捷键。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/portal.py" line="213"/>
        <source>The desktop&apos;s global-shortcut service stopped answering ({error}); the hotkey {shortcut} no longer works. Restart the app, or bind the command `assistant quick` in your desktop&apos;s keyboard settings.</source>
        <translation>桌面环境的全局快捷键服务已停止响应（{error}），快捷键 {shortcut} 已失效。请重新启动程序，或在桌面环境的键盘设置中为命令 `assistant quick` 绑定快捷键。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/shortcut.py" line="84"/>
        <source>No shortcut was given. Press the keys in the hotkey field of Settings, e.g. Ctrl+Alt+J.</source>
        <translation>未指定快捷键。请在设置的快捷键输入框中按下按键，例如 Ctrl+Alt+J。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/shortcut.py" line="89"/>
        <source>{shortcut} is several key presses; a global hotkey must be one combination, e.g. Ctrl+Alt+J.</source>
        <translation>{shortcut} 包含多次按键；全局快捷键必须是一个组合键，例如 Ctrl+Alt+J。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/shortcut.py" line="100"/>
        <source>{shortcut} has no key besides the modifiers: add one, e.g. Ctrl+Alt+J.</source>
        <translation>{shortcut} 只有修饰键，没有其他按键：请加上一个，例如 Ctrl+Alt+J。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/shortcut.py" line="114"/>
        <source>{shortcut} needs Ctrl, Alt or Meta (the Windows key): without one, it would take that key away from every other program.</source>
        <translation>{shortcut} 需要包含 Ctrl、Alt 或 Meta（Windows 徽标键），否则其他所有程序都将无法使用这个键。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/shortcut.py" line="118"/>
        <source>Ctrl+Space switches the Chinese input method on many systems. Pick another combination, e.g. Ctrl+Alt+J.</source>
        <translation>在许多系统中，Ctrl+空格 用于切换中文输入法。请换一个组合键，例如 Ctrl+Alt+J。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/shortcut.py" line="128"/>
        <source> Did you mean {name}?</source>
        <translation>是否要输入 {name}？</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/shortcut.py" line="130"/>
        <source>{shortcut}: “{name}” is not a modifier; use Ctrl, Alt, Shift or Meta.</source>
        <translation>{shortcut}：“{name}”不是修饰键；请使用 Ctrl、Alt、Shift 或 Meta。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/shortcut.py" line="144"/>
        <source>{shortcut}: “{name}” is not a key a global hotkey can use. Use a letter, a digit, F1 to F35 or a key such as Space, e.g. Ctrl+Alt+J.</source>
        <translation>{shortcut}：“{name}”不能用作全局快捷键的按键。请使用字母、数字、F1 到 F35 或 Space 等按键，例如 Ctrl+Alt+J。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/windows.py" line="93"/>
        <source>RegisterHotKey exists only on Windows.</source>
        <translation>RegisterHotKey 仅在 Windows 上可用。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/windows.py" line="149"/>
        <source>Windows RegisterHotKey</source>
        <translation>Windows RegisterHotKey 接口</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/windows.py" line="160"/>
        <source>The global hotkey needs the application to be running.</source>
        <translation>程序运行时才能使用全局快捷键。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/windows.py" line="172"/>
        <location filename="../../assistant/gui/hotkey/x11.py" line="93"/>
        <source>{shortcut}: the key {key} is not on this keyboard layout. Pick a different shortcut in Settings.</source>
        <translation>{shortcut}：当前键盘布局中没有 {key} 键。请在设置中另选一个快捷键。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/windows.py" line="187"/>
        <source>Windows refused the hotkey {shortcut} (error {code}). Pick a different shortcut in Settings.</source>
        <translation>Windows 拒绝注册快捷键 {shortcut}（错误 {code}）。请在设置中另选一个快捷键。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/x11.py" line="59"/>
        <source>X11 key grab</source>
        <translation>X11 按键捕获</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/x11.py" line="80"/>
        <source>Cannot connect to the X server for the global hotkey ({error}). Bind the command `assistant quick` in your desktop&apos;s keyboard settings instead.</source>
        <translation>无法连接 X 服务器以注册全局快捷键（{error}）。请改为在桌面环境的键盘设置中为命令 `assistant quick` 绑定快捷键。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/x11.py" line="115"/>
        <source>The X server refused the hotkey {shortcut} ({error}). Pick a different shortcut in Settings.</source>
        <translation>X 服务器拒绝注册快捷键 {shortcut}（{error}）。请在设置中另选一个快捷键。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/hotkey/x11.py" line="147"/>
        <source>The connection to the X server was lost ({error}); the global hotkey no longer works. Restart the app.</source>
        <translation>与 X 服务器的连接已断开（{error}），全局快捷键已失效。请重新启动程序。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../assistant/gui/app.py" line="108"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/app.py" line="71"/>
        <location filename="../../assistant/gui/main_window.py" line="194"/>
        <source>Daily-work assistant</source>
        <translation>日常办公助手</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="195"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="196"/>
        <source>Run the template (Ctrl+Enter)</source>
        <translation>运行模板（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="197"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="198"/>
        <source>Stop generating (Esc)</source>
        <translation>停止生成（Esc）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="199"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="200"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="201"/>
        <source>Save as .md…</source>
        <translation>另存为 .md…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="370"/>
        <source>Copied the answer ({count} characters).</source>
        <translation>已复制回答（{count} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/answer_actions.py" line="125"/>
        <location filename="../../assistant/gui/main_window.py" line="202"/>
        <source>Save as example</source>
        <translation>存为示例</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="203"/>
        <source>Keep this answer as an example for this template: it is sent with future runs. Saved in your template folder, where you can edit it.</source>
        <translation>把这个回答保存为本模板的示例，以后运行时会一并发送。保存在模板文件夹中，可随时修改。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="206"/>
        <source>Prompt…</source>
        <translation>提示词…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="207"/>
        <source>Show the exact prompt and its token count</source>
        <translation>显示发送给模型的完整提示词及其 token 数</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_menus.py" line="70"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_menus.py" line="71"/>
        <source>&amp;New template…</source>
        <translation>新建模板(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_menus.py" line="72"/>
        <source>Open template &amp;folder</source>
        <translation>打开模板文件夹(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_menus.py" line="74"/>
        <source>&amp;Customize this template</source>
        <translation>自定义此模板(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_menus.py" line="76"/>
        <source>&amp;Save answer as…</source>
        <translation>回答另存为(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_menus.py" line="77"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_menus.py" line="78"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_menus.py" line="79"/>
        <source>&amp;Prompt inspector</source>
        <translation>提示词检查器(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_menus.py" line="81"/>
        <source>&amp;Models…</source>
        <translation>模型(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/window_menus.py" line="82"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="255"/>
        <source>your template</source>
        <translation>自定义模板</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="256"/>
        <source>built-in</source>
        <translation>内置模板</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="291"/>
        <source>Opened {file}; changes are picked up when you save.</source>
        <translation>已打开 {file}；保存后修改即会生效。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="307"/>
        <source>, </source>
        <comment>separator of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="308"/>
        <source>Fill in: {fields}</source>
        <translation>请填写：{fields}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="31"/>
        <source>about {prompt} prompt tokens</source>
        <translation>约 {prompt} 个提示词 token</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="33"/>
        <source>about {count} tokens generated</source>
        <translation>约生成 {count} 个 token</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="36"/>
        <source>{prompt} prompt tokens ({cached} cached)</source>
        <translation>提示词 {prompt} 个 token（已缓存 {cached} 个）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="39"/>
        <source>{count} tokens generated</source>
        <translation>生成 {count} 个 token</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="42"/>
        <source>first token {seconds:.2f} s</source>
        <translation>首个 token 用时 {seconds:.2f} 秒</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="45"/>
        <source>{rate:.1f} tokens/s</source>
        <translation>{rate:.1f} token/秒</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="48"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="50"/>
        <source>cut at the length limit</source>
        <translation>已达长度上限，回答被截断</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="364"/>
        <source>Cannot run</source>
        <translation>无法运行</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/answer_actions.py" line="45"/>
        <location filename="../../assistant/gui/answer_actions.py" line="55"/>
        <source>Save answer</source>
        <translation>保存回答</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/answer_actions.py" line="56"/>
        <source>Could not save {file}: {reason}</source>
        <translation>无法保存 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="380"/>
        <source>Saved {file}</source>
        <translation>已保存 {file}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/answer_actions.py" line="42"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown 文件 (*.md)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/answer_actions.py" line="43"/>
        <source>Text (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/answer_actions.py" line="118"/>
        <source>This answer is already an example of {template}.</source>
        <translation>这个回答已经是「{template}」的示例了。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/answer_actions.py" line="126"/>
        <source>Could not save the example: {reason}</source>
        <translation>无法保存示例：{reason}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/answer_actions.py" line="130"/>
        <source>Saved as an example in {file}; it will be sent with future runs.</source>
        <translation>已保存为示例：{file}；以后运行时会一并发送。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="412"/>
        <source>The prompt inspector needs a loaded model.</source>
        <translation>使用提示词检查器前需要先加载模型。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/answer_actions.py" line="92"/>
        <source>Prompt inspector</source>
        <translation>提示词检查器</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="16"/>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="17"/>
        <source>Loading model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="18"/>
        <source>Model: {name} · context {n_ctx} tokens</source>
        <translation>模型：{name} · 上下文 {n_ctx} 个 token</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="20"/>
        <source>Model: {name} · context size unknown</source>
        <translation>模型：{name} · 上下文大小未知</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="22"/>
        <source>Generating with {name}…</source>
        <translation>正在使用 {name} 生成…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/status.py" line="23"/>
        <source>The model could not be loaded</source>
        <translation>无法加载模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/main_window.py" line="453"/>
        <source>The model could not be loaded: {reason} &lt;a href=&apos;settings&apos;&gt;Open Settings&lt;/a&gt; to choose another.</source>
        <translation>无法加载模型：{reason} 请&lt;a href=&apos;settings&apos;&gt;打开设置&lt;/a&gt;选择其他模型。</translation>
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
        <location filename="../../assistant/gui/models_page.py" line="124"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="125"/>
        <source>On this computer</source>
        <translation>本机上的模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="126"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="126"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="126"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="127"/>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="127"/>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="128"/>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="128"/>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="129"/>
        <source>Drop .gguf files here to add them.</source>
        <translation>把 .gguf 文件拖到这里即可添加。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="130"/>
        <source>Add GGUF file…</source>
        <translation>添加 GGUF 文件…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="131"/>
        <source>Make active</source>
        <translation>设为当前模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="132"/>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="133"/>
        <source>Open models folder</source>
        <translation>打开模型文件夹</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="134"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="159"/>
        <source>built in (demo)</source>
        <translation>内置（演示）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="160"/>
        <source>models folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="160"/>
        <source>chosen file</source>
        <translation>选定的文件</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="174"/>
        <source>the server&apos;s only model</source>
        <translation>服务器上唯一的模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="175"/>
        <source>model server</source>
        <translation>模型服务器</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="189"/>
        <source>cannot be used</source>
        <translation>无法使用</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="190"/>
        <source> · no chat template (ChatML used)</source>
        <translation> · 无对话模板（使用 ChatML）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="239"/>
        <location filename="../../assistant/gui/models_page.py" line="247"/>
        <source>Remove model</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="240"/>
        <source>Delete {file} ({size}) from the models folder? This cannot be undone.</source>
        <translation>要从模型文件夹中删除 {file}（{size}）吗？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="248"/>
        <source>Could not delete {file}: {reason}</source>
        <translation>无法删除 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="260"/>
        <location filename="../../assistant/gui/models_page.py" line="280"/>
        <location filename="../../assistant/gui/models_page.py" line="295"/>
        <location filename="../../assistant/gui/models_page.py" line="323"/>
        <location filename="../../assistant/gui/models_page.py" line="327"/>
        <source>Add GGUF model</source>
        <translation>添加 GGUF 模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="262"/>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="296"/>
        <source>{file} is already in the models folder.</source>
        <translation>{file} 已在模型文件夹中。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="305"/>
        <source>Copying {files} into the models folder…</source>
        <translation>正在把 {files} 复制到模型文件夹…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="313"/>
        <source>Added {files}.</source>
        <translation>已添加 {files}。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="328"/>
        <source>Copy {file} ({size}) into the models folder, or use it where it is?</source>
        <translation>把 {file}（{size}）复制到模型文件夹，还是在原位置直接使用？</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="330"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/models_page.py" line="331"/>
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
    <name>PromptInspector</name>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="189"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="194"/>
        <source>Prompt inspector</source>
        <translation>提示词检查器</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="195"/>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="195"/>
        <source>Final prompt</source>
        <translation>最终提示词</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="196"/>
        <location filename="../../assistant/gui/inspector.py" line="200"/>
        <source>Tokens</source>
        <translation>Token 用量</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="198"/>
        <source>Show spaces and line breaks</source>
        <translation>显示空格和换行符</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="200"/>
        <source>Part</source>
        <translation>组成部分</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="200"/>
        <source>Share of context</source>
        <translation>占上下文比例</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="214"/>
        <source>Example {n} — user</source>
        <translation>示例 {n} — 用户</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="216"/>
        <source>Example {n} — answer</source>
        <translation>示例 {n} — 回答</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="218"/>
        <location filename="../../assistant/gui/inspector.py" line="230"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="219"/>
        <location filename="../../assistant/gui/inspector.py" line="231"/>
        <source>Your input</source>
        <translation>输入内容</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="220"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="221"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="228"/>
        <source>Example {i} of {n}</source>
        <translation>示例 {i}/{n}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="232"/>
        <source>Answer (max tokens)</source>
        <translation>回答（最大 token 数）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="233"/>
        <source>Free</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="262"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="275"/>
        <source>about {count}</source>
        <translation>约 {count}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="279"/>
        <source>about {used} tokens; the context size is unknown</source>
        <translation>约 {used} 个 token；上下文大小未知</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="281"/>
        <source>about {used} of {n_ctx} tokens</source>
        <translation>约 {used} / {n_ctx} 个 token</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="284"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="283"/>
        <source>{used} of {n_ctx} tokens</source>
        <translation>{used} / {n_ctx} 个 token</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/inspector.py" line="311"/>
        <source>Copy prompt</source>
        <translation>复制提示词</translation>
    </message>
</context>
<context>
    <name>QuickPrompt</name>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="112"/>
        <source>Quick prompt</source>
        <translation>快速提问</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="113"/>
        <source>Nothing was selected or copied. Type or paste the text here.</source>
        <translation>没有选中或复制任何内容。请在此输入或粘贴文本。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="115"/>
        <source>Template: type a few characters, then press Enter</source>
        <translation>模板：输入几个字，然后按 Enter</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="116"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="117"/>
        <source>Copy the answer and close (Enter)</source>
        <translation>复制回答并关闭（Enter）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="118"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="119"/>
        <source>Paste the answer over the selection, then restore your clipboard</source>
        <translation>用回答替换选中的文本，然后恢复剪贴板原有内容</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="121"/>
        <source>Open in main window</source>
        <translation>在主窗口中打开</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="139"/>
        <source>No text was captured: type or paste it above.</source>
        <translation>未获取到文本：请在上方输入或粘贴。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="206"/>
        <source>The model is busy; wait or stop the other run.</source>
        <translation>模型正忙；请稍候，或停止另一个正在进行的生成。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="225"/>
        <source>Fill in the fields, then press Ctrl+Enter.</source>
        <translation>填写字段后按 Ctrl+Enter。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="233"/>
        <source>Generating with {name}…</source>
        <translation>正在使用 {name} 生成…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="236"/>
        <source>The model is not ready yet.</source>
        <translation>模型尚未就绪。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="253"/>
        <source>Enter copies the answer · Esc closes</source>
        <translation>按 Enter 复制回答 · 按 Esc 关闭</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/quick_prompt.py" line="254"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
</context>
<context>
    <name>ServerSettings</name>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="154"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="155"/>
        <source>Server model</source>
        <translation>服务器上的模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="156"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="157"/>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="158"/>
        <source>Server context size</source>
        <translation>服务器上下文大小</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="159"/>
        <source>Other address</source>
        <translation>其他地址</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="160"/>
        <source>Address of an OpenAI-compatible server, e.g. http://127.0.0.1:11434/v1 for Ollama.</source>
        <translation>OpenAI 兼容服务器的地址，例如 Ollama 为 http://127.0.0.1:11434/v1。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="162"/>
        <source>The server&apos;s model to use; empty means its only model.</source>
        <translation>要使用的服务器模型；留空表示使用服务器上唯一的模型。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="166"/>
        <source>the server&apos;s only model</source>
        <translation>服务器上唯一的模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="167"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="168"/>
        <source>none (most local servers need no key)</source>
        <translation>无（大多数本地服务器不需要密钥）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="171"/>
        <source>Stored in the system keyring ({name}), never in the settings file.</source>
        <translation>保存在系统密钥环（{name}）中，绝不写入设置文件。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="174"/>
        <source>No system keyring here: stored in {file}, which only you can read; never in the settings file.</source>
        <translation>此系统没有密钥环：保存在只有您能读取的 {file} 中，绝不写入设置文件。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="179"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="180"/>
        <source>Seconds to wait for the server to answer, and between two parts of an answer.</source>
        <translation>等待服务器响应、以及回答中两段内容之间的最长秒数。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="182"/>
        <source>As the server says</source>
        <translation>以服务器报告为准</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="183"/>
        <source>The server model&apos;s context size in tokens; 0 means as the server says (if it says).</source>
        <translation>服务器模型的上下文大小（token 数）；0 表示以服务器报告为准（如果它报告的话）。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="207"/>
        <source>Enter the server&apos;s address, or pick one of the usual servers on the left.</source>
        <translation>请输入服务器地址，或在左侧选择一个常用服务器。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="212"/>
        <source>{url} is not a server address: write it like http://127.0.0.1:11434/v1.</source>
        <translation>{url} 不是服务器地址：请写成 http://127.0.0.1:11434/v1 这样的形式。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="265"/>
        <source>Connecting to {url}…</source>
        <translation>正在连接 {url}…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="294"/>
        <source>Connected, but the server offers no models.</source>
        <translation>已连接，但服务器上没有可用的模型。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/server_settings.py" line="300"/>
        <source>Connected: {count} model(s): {names}</source>
        <translation>已连接：{count} 个模型：{names}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="68"/>
        <source>{hotkey} is several key presses; a hotkey must be one combination, e.g. Ctrl+Alt+J.</source>
        <translation>{hotkey} 包含多次按键；快捷键必须是一个组合键，例如 Ctrl+Alt+J。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="70"/>
        <source>{hotkey} is not a complete key combination. Click the field and press all the keys together, e.g. Ctrl+Alt+J.</source>
        <translation>{hotkey} 不是完整的组合键。请点击输入框，同时按下所有按键，例如 Ctrl+Alt+J。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="203"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="206"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="206"/>
        <source>Model source</source>
        <translation>模型来源</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="206"/>
        <source>GPU layers</source>
        <translation>GPU 层数</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="207"/>
        <source>Context size</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="207"/>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="207"/>
        <source>Prepared prompts</source>
        <translation>预处理的提示词</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="207"/>
        <source>Context memory</source>
        <translation>上下文内存</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="208"/>
        <source>Model server</source>
        <translation>模型服务器</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="208"/>
        <source>…kept on disk</source>
        <translation>…保存在磁盘上</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="209"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="209"/>
        <source>Max answer tokens</source>
        <translation>最大回答长度</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="209"/>
        <source>UI language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="210"/>
        <source>Global hotkey</source>
        <translation>全局快捷键</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="211"/>
        <source>Where the model runs: a local GGUF file, or a model server.</source>
        <translation>模型在哪里运行：本地 GGUF 文件，或模型服务器。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="212"/>
        <source>Path of the GGUF model file; empty means the embedded model.</source>
        <translation>GGUF 模型文件的路径；留空表示使用内置模型。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="213"/>
        <source>Model layers put on the GPU: 0 = CPU only, -1 = all.</source>
        <translation>放到 GPU 上运行的模型层数：0 = 仅用 CPU，-1 = 全部。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="214"/>
        <source>Context size in tokens: prompt, examples and answer together.</source>
        <translation>上下文长度（以 token 计），包括提示词、示例和回答。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="215"/>
        <source>How the model keeps the context in memory: f16 (exact) or q8_0 (half the memory, nearly the same answers).</source>
        <translation>模型在内存中保存上下文的方式：f16（精确），或 q8_0（内存减半，回答几乎相同）。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="217"/>
        <source>CPU threads for the model; 0 means one per physical core.</source>
        <translation>模型使用的 CPU 线程数；0 表示每个物理核心一个线程。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="218"/>
        <source>Memory in MB for the prepared prompts of recently used templates; 0 keeps none.</source>
        <translation>为最近使用的模板保存预处理提示词所用的内存（MB）；0 表示不保存。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="220"/>
        <source>Disk space in MB for prepared prompts kept across restarts; 0 keeps none.</source>
        <translation>跨重启保存预处理提示词所用的磁盘空间（MB）；0 表示不保存。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="222"/>
        <source>Address of an OpenAI-compatible server, e.g. http://127.0.0.1:11434/v1 for Ollama.</source>
        <translation>OpenAI 兼容服务器的地址，例如 Ollama 为 http://127.0.0.1:11434/v1。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="224"/>
        <source>Default randomness of answers (templates may set their own).</source>
        <translation>回答的默认随机程度（模板可以自行设置）。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="225"/>
        <source>Default longest answer, in tokens (templates may set their own).</source>
        <translation>回答的默认最大长度，以 token 计（模板可以自行设置）。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="226"/>
        <source>Language of the interface.</source>
        <translation>界面显示的语言。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="227"/>
        <source>Global shortcut that opens the quick prompt, e.g. Ctrl+Alt+J.</source>
        <translation>打开快速提问窗口的全局快捷键，例如 Ctrl+Alt+J。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="233"/>
        <source>Local GGUF file (runs on this computer)</source>
        <translation>本地 GGUF 文件（在本机运行）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="234"/>
        <source>Model server (Ollama, LM Studio, llama-server, vLLM…)</source>
        <translation>模型服务器（Ollama、LM Studio、llama-server、vLLM…）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="236"/>
        <source>All layers</source>
        <translation>全部层</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="237"/>
        <source>f16: exact</source>
        <translation>f16：精确</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="238"/>
        <source>q8_0: half the memory</source>
        <translation>q8_0：内存减半</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="240"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="241"/>
        <source>None</source>
        <translation>不保存</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="244"/>
        <source>Hotkey status</source>
        <translation>快捷键状态</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="245"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="246"/>
        <source>Automatic (one per physical core)</source>
        <translation>自动（每个物理核心一个线程）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="247"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="248"/>
        <source>Restore defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="318"/>
        <source>Embedded model (SmolLM2-135M)</source>
        <translation>内置模型（SmolLM2-135M）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="321"/>
        <source>{name} — cannot be used</source>
        <translation>{name} — 无法使用</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="325"/>
        <source>{size:.1f} GB</source>
        <translation>{size:.1f} GB</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="326"/>
        <source>{size:.0f} MB</source>
        <translation>{size:.0f} MB</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="327"/>
        <source>{name} — {size}, {architecture}, {quantization}</source>
        <translation>{name} — {size}，{architecture}，{quantization}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="329"/>
        <source>unknown architecture</source>
        <translation>未知架构</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="330"/>
        <source>unknown quantization</source>
        <translation>未知量化方式</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="369"/>
        <source>Enter a number from {minimum:g} to {maximum:g}.</source>
        <translation>请输入 {minimum:g} 到 {maximum:g} 之间的数字。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="385"/>
        <source>The file was not added; the previous model is still selected. {reason}</source>
        <translation>未添加该文件，仍使用原来选择的模型。{reason}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="389"/>
        <source>This llama.cpp build runs on the CPU only. To use a GPU, install a CUDA or Metal build of llama-cpp-python (see the README), then restart.</source>
        <translation>当前的 llama.cpp 版本只能在 CPU 上运行。如需使用 GPU，请安装 CUDA 或 Metal 版本的 llama-cpp-python（见 README），然后重新启动。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="423"/>
        <source>Cleared {size:.0f} MB</source>
        <translation>已清除 {size:.0f} MB</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="427"/>
        <source>Clear ({size:.0f} MB)</source>
        <translation>清除（{size:.0f} MB）</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="449"/>
        <source>Choose a model file</source>
        <translation>选择模型文件</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/settings_dialog.py" line="451"/>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF 模型 (*.gguf);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../../assistant/gui/single_instance.py" line="178"/>
        <source>Could not open the channel other launches use to reach this window ({name}): {reason}. Restart the assistant; if this keeps happening, please report it.</source>
        <extracomment>The requests a running instance understands. File name of the lock inside the profile&apos;s data folder.</extracomment>
        <translation>无法打开其他启动用来联系此窗口的通道（{name}）：{reason}。请重新启动助手；如果问题反复出现，请报告。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/single_instance.py" line="241"/>
        <source>Cannot create the lock file {path}. Check that the folder is writable.</source>
        <translation>无法创建锁文件 {path}。请检查该文件夹是否可写。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/single_instance.py" line="249"/>
        <source>Another copy of the assistant ({app}, process {pid} on {host}) holds {path} but does not answer. Close it or end that process, then try again.</source>
        <translation>另一个助手实例（{app}，{host} 上的进程 {pid}）占用了 {path}，但没有响应。请关闭它或结束该进程，然后重试。</translation>
    </message>
</context>
<context>
    <name>TemplateFolder</name>
    <message>
        <location filename="../../assistant/gui/template_folder.py" line="73"/>
        <location filename="../../assistant/gui/template_folder.py" line="76"/>
        <source>New template</source>
        <translation>新建模板</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/template_folder.py" line="74"/>
        <source>Name of the new template:</source>
        <translation>新模板名称：</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/template_folder.py" line="81"/>
        <source>Customize</source>
        <translation>自定义模板</translation>
    </message>
</context>
<context>
    <name>TemplateForm</name>
    <message>
        <location filename="../../assistant/gui/form.py" line="195"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/form.py" line="198"/>
        <source>The template uses this value but does not describe it; fill it in if needed.</source>
        <translation>模板用到了此值，但没有对其作出说明；如有需要，请填写。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/form.py" line="303"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/form.py" line="304"/>
        <source>Fill from clipboard</source>
        <translation>从剪贴板填入</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/form.py" line="321"/>
        <source>The clipboard is empty</source>
        <translation>剪贴板为空</translation>
    </message>
</context>
<context>
    <name>TemplatePicker</name>
    <message>
        <location filename="../../assistant/gui/picker.py" line="238"/>
        <source>Remove from favourites</source>
        <translation>取消收藏</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="239"/>
        <source>Add to favourites</source>
        <translation>加入收藏</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="249"/>
        <source>Search templates…</source>
        <translation>搜索模板…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="250"/>
        <source>Search templates</source>
        <translation>搜索模板</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="251"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="252"/>
        <source>All languages</source>
        <translation>所有语言</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="253"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="254"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="255"/>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="256"/>
        <source>Customize…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="303"/>
        <source>Favourites</source>
        <translation>收藏</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="305"/>
        <source>Recent</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="319"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="321"/>
        <source>Broken templates</source>
        <translation>有错误的模板</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="326"/>
        <source>No template matches</source>
        <translation>没有匹配的模板</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="359"/>
        <source>{language} · user</source>
        <translation>{language} · 自定义</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="360"/>
        <source>user</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="451"/>
        <source>This template has no description.</source>
        <translation>此模板没有说明。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/picker.py" line="453"/>
        <source>Pick a template to see what it does.</source>
        <translation>选择一个模板，查看它的用途。</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../assistant/gui/tray.py" line="63"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/tray.py" line="64"/>
        <source>Quick prompt</source>
        <translation>快速提问</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/tray.py" line="65"/>
        <source>Pause hotkey</source>
        <translation>暂停快捷键</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/tray.py" line="66"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/tray.py" line="67"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/tray.py" line="81"/>
        <location filename="../../assistant/gui/tray.py" line="89"/>
        <location filename="../../assistant/gui/tray.py" line="95"/>
        <source>Daily-work assistant</source>
        <translation>日常办公助手</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/tray.py" line="90"/>
        <source>Still running in the tray, so the hotkey keeps working. Use Quit in the tray menu to exit.</source>
        <translation>程序仍在系统托盘中运行，快捷键依然可用。如需退出，请使用托盘菜单中的“退出”。</translation>
    </message>
</context>
<context>
    <name>_ModelWorker</name>
    <message>
        <location filename="../../assistant/gui/worker.py" line="84"/>
        <source>Unexpected error while loading the model: {error}</source>
        <translation>加载模型时发生意外错误：{error}</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/worker.py" line="93"/>
        <source>No model is loaded.</source>
        <translation>未加载模型。</translation>
    </message>
    <message>
        <location filename="../../assistant/gui/worker.py" line="108"/>
        <source>Unexpected error: {error}. The log has the details.</source>
        <translation>意外错误：{error}。详情见日志。</translation>
    </message>
</context>
</TS>
