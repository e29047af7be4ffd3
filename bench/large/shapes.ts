// Large `.rdp` texts of the shapes a hostile or broken file takes (CRLF, as mstsc writes).
export type Shape = 'review' | 'repeated' | 'unknown' | 'long' | 'addresses' | 'clean';

export function largeRdp(shape: Shape, lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(lineOf(shape, i));
  return out.join('\r\n') + '\r\n';
}

function lineOf(shape: Shape, i: number): string {
  switch (shape) {
    // The review's file: a known redirection, a `full address` and an unknown property, over and over.
    case 'review':
      return i % 3 === 0 ? 'redirectclipboard:i:1' : i % 3 === 1 ? `full address:s:h${i}.invalid` : `unknownprop${i}:s:x`;
    // One property repeated: an RDP005 duplicate per line.
    case 'repeated':
      return 'redirectclipboard:i:1';
    // Every line an unknown property of its own name (RDP002, with a suggestion search).
    case 'unknown':
      return `unknownprop${i}:s:x`;
    // Long lines: a 1,000-character value on each line of a few properties.
    case 'long':
      return `${['loadbalanceinfo', 'username', 'gatewayhostname'][i % 3]}:s:${'x'.repeat(1000)}${i}`;
    // A different `full address` on every line.
    case 'addresses':
      return `full address:s:rdsh${i}.contoso.com`;
    // Distinct known properties with no problem: a clean file as large as the others.
    case 'clean':
      return i === 0 ? 'full address:s:rdsh.contoso.com' : '';
  }
}
