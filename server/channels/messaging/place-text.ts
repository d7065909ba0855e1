/** A shared place as the agent reads it: its name or address if given, and a map link (OpenStreetMap: no tracking, no account). */
export function placeText(lat: number, lon: number, label?: string | null) {
  return `📍 ${label ? `${label}\n` : ''}https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
}
