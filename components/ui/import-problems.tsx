/** The row-by-row report of an import that was refused: line, column, reason. */
export function ImportProblems({
  problems,
}: {
  problems: { line: number; column: string; reason: string }[];
}) {
  return (
    <table className="data-table mt-3 bg-white text-slate-900">
      <thead>
        <tr>
          <th scope="col">Line</th>
          <th scope="col">Column</th>
          <th scope="col">Problem</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((problem, index) => (
          <tr key={index}>
            <td>{problem.line}</td>
            <td>{problem.column}</td>
            <td>{problem.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
