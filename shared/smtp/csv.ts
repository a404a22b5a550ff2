/**
 * Splits one CSV record as Exchange protocol logs write them: comma-separated, fields that contain a comma or
 * a quote are wrapped in double quotes and inner quotes are doubled. An unterminated quote takes the rest of
 * the line (a truncated log line still yields its fields).
 */
export function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) {
          value += line.slice(i);
          i = n;
          break;
        }
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // Anything between the closing quote and the next comma is kept rather than lost.
      const comma = line.indexOf(',', i);
      const tail = comma < 0 ? line.slice(i) : line.slice(i, comma);
      fields.push(value + tail);
      if (comma < 0) return fields;
      i = comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}
