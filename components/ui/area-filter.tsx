/** The "Service area" filter of a GET search form (query parameter `area`). */
export function AreaFilter({
  areas,
  selected,
}: {
  areas: { id: string; code: string }[];
  selected: string | null;
}) {
  return (
    <div className="field">
      <label htmlFor="area" className="block font-medium">
        Service area
      </label>
      <select id="area" name="area" defaultValue={selected ?? ''} className="input">
        <option value="">All areas</option>
        {areas.map((area) => (
          <option key={area.id} value={area.id}>
            {area.code}
          </option>
        ))}
      </select>
    </div>
  );
}
