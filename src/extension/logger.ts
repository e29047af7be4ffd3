import { terminalSafe } from '../core/text/terminal';

/** The part of `LogOutputChannel` features use, so they can log without owning the channel. */
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error): void;
}

/**
 * A log line as the Output view shows it: control and bidi characters of text from files, exports or servers as
 * escapes. A line break is kept, with the lines after it indented: each entry of the view starts with its time and
 * level, so a break in a value (a CA path in `.rdpdoctor.yaml`, a server's text) cannot forge an entry of its own.
 */
function logSafe(text: string): string {
  return text.split('\n').map(terminalSafe).join('\n    ');
}

/**
 * The log every feature writes to: each line made safe (`terminalSafe`) before it reaches the channel, so a host,
 * a value or a message quoted from a file cannot reorder or hide what the Output view shows.
 */
export function safeLogger(channel: Logger): Logger {
  return {
    trace: (message) => channel.trace(logSafe(message)),
    debug: (message) => channel.debug(logSafe(message)),
    info: (message) => channel.info(logSafe(message)),
    warn: (message) => channel.warn(logSafe(message)),
    error: (message) => channel.error(logSafe(message instanceof Error ? (message.stack ?? message.message) : message)),
  };
}
