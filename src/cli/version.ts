import { version } from '../../package.json';

export function toolVersion(): string {
  return version;
}
