// node-forge ends PEM lines with CRLF; OpenSSL, Node and the AWS docs write LF, and so does the simulator.
export function withLfLineEndings(pem: string): string {
  return pem.replace(/\r\n/g, '\n');
}
