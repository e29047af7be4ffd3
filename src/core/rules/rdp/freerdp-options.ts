/**
 * Every command-line option name and alias FreeRDP's client knows, in any release from 2.0.0 to 3.27.0 (the
 * `COMMAND_LINE_ARGUMENT_A` tables of `client/common/cmdline.h` at tags 2.0.0, 2.4.0, 2.11.7, 3.0.0, 3.5.0, 3.10.0,
 * 3.16.0 and 3.27.0, names and aliases; options built in only on some platforms included). winpr's parser matches a
 * name exactly, letter case included (`strncmp` and the length, `winpr/libwinpr/utils/cmdline.c`), and a `.rdp` file's
 * option lines are parsed without allowing unknown names: one not here makes FreeRDP 2 to 3.27 refuse the file (RDP001).
 */
export const FREERDP_OPTION_NAMES: ReadonlySet<string> = new Set([
  '4', '6', '?', 'a', 'action-script', 'addin', 'admin', 'aero', 'app', 'app-cmd', 'app-file', 'app-guid',
  'app-icon', 'app-name', 'app-workdir', 'args-from', 'assistance', 'async-channels', 'async-input', 'async-update',
  'audio', 'audio-mode', 'auth-only', 'auth-pkg-list', 'authentication', 'auto-reconnect',
  'auto-reconnect-max-retries', 'auto-request-control', 'azure', 'bitmap-cache', 'bpp', 'buildconfig', 'cache',
  'cert', 'cert-deny', 'cert-ignore', 'cert-name', 'cert-tofu', 'client-build-number', 'client-hostname',
  'clipboard', 'codec-cache', 'compression', 'compression-level', 'connect-child-session', 'console',
  'credentials-delegation', 'd', 'decorations', 'disable-output', 'disp', 'drive', 'drives', 'dump', 'dvc',
  'dynamic-resolution', 'echo', 'encryption', 'encryption-methods', 'enforce-tlsv1_2', 'f', 'fast-path', 'fipsmode',
  'floatbar', 'fonts', 'force-console-callbacks', 'frame-ack', 'from-stdin', 'g', 'gat', 'gateway',
  'gateway-usage-method', 'gd', 'gdi', 'geometry', 'gestures', 'gfx', 'gfx-h264', 'gfx-progressive',
  'gfx-small-cache', 'gfx-thin-client', 'glyph-cache', 'gp', 'grab-keyboard', 'grab-mouse', 'gt', 'gu', 'gum', 'gw',
  'h', 'heartbeat', 'help', 'home-drive', 'ipv4', 'ipv6', 'jpeg', 'jpeg-quality', 'kbd', 'kbd-fn-key', 'kbd-lang',
  'kbd-lang-list', 'kbd-list', 'kbd-remap', 'kbd-scancode-list', 'kbd-subtype', 'kbd-type', 'kbd-unicode',
  'kerberos', 'list', 'load-balance-info', 'log-filters', 'log-level', 'max-fast-path-size', 'max-loop-time',
  'menu-anims', 'mic', 'microphone', 'mmr', 'monitor-list', 'monitors', 'mouse', 'mouse-motion', 'mouse-relative',
  'multimedia', 'multimon', 'multitouch', 'multitransport', 'nego', 'network', 'nsc', 'nscodec', 'offscreen-cache',
  'old-license', 'orientation', 'p', 'parallel', 'parent-window', 'pass-the-hash', 'password-is-pin', 'pcb', 'pcid',
  'persist-cache', 'persist-cache-file', 'pheight', 'play-rfx', 'port', 'prevent-session-lock',
  'print-reconnect-cookie', 'printer', 'proxy', 'pth', 'pwidth', 'rdp2tcp', 'reconnect-cookie', 'redirect-prefer',
  'relax-order-checks', 'remoteGuard', 'restricted-admin', 'restrictedAdmin', 'rfx', 'rfx-mode', 'scale',
  'scale-desktop', 'scale-device', 'sec', 'sec-ext', 'sec-nla', 'sec-rdp', 'sec-tls', 'serial', 'server-name',
  'shell', 'shell-dir', 'size', 'smart-sizing', 'smartcard', 'smartcard-list', 'smartcard-logon', 'sound', 'span',
  'spn-class', 'ssh-agent', 'sspi-module', 'suppress-output', 't', 'themes', 'timeout', 'timezone', 'title', 'tls',
  'tls-ciphers', 'tls-seclevel', 'tls-secrets-file', 'toggle-fullscreen', 'tty', 'tune', 'tune-list', 'u',
  'unmap-buttons', 'usb', 'v', 'vc', 'version', 'video', 'vmconnect', 'w', 'wallpaper', 'window-drag',
  'window-position', 'winscard-module', 'wm-class', 'workarea', 'z',
]);
