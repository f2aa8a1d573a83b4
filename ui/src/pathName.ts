// The file name at the end of a path from a file dialog or a drop. Tauri
// hands over the OS's own path as text: `C:\Users\佐藤\x.csv` or a UNC
// share `\\server\share\x.csv` on Windows, `/Users/王/x.csv` on macOS,
// `/home/김/x.csv` on Linux. Both separators are split on everywhere: a
// backslash in a macOS or Linux file name is legal but no seller's ERP
// writes one, while reading a Windows path as one long name would show the
// seller their whole folder. Names are kept as they are (no ASCII folding,
// no decoding): the Rust side opens the path, this is only for display.
export function fileName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  return trimmed.split(/[\\/]/).pop() || path;
}
