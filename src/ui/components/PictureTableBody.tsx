// The topology picture as tables (clients with their bindings; targets with health and load), kept in sync.
// Shown inside <PictureTable>'s disclosure; src/app/App.tsx loads it just after the first paint.
import { selectPictureTable } from '../../view/selectPictureTable'
import { useLab } from '../hooks/useLab'

export function PictureTableBody() {
  const t = useLab(selectPictureTable)
  return (
    <>
      <div className="table-wrap">
        <table className="log">
          <caption>Clients and their bindings</caption>
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Cookies</th>
              <th scope="col">Bound to</th>
              <th scope="col">Latest request</th>
            </tr>
          </thead>
          <tbody>
            {t.clients.map((c) => (
              <tr key={c.id} data-testid={`picture-client-${c.id}`}>
                <th scope="row">{c.id}</th>
                <td>{c.cookies}</td>
                <td>{c.binding}</td>
                <td>{c.last}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="log">
          <caption>Targets</caption>
          <thead>
            <tr>
              <th scope="col">Instance</th>
              <th scope="col">Target group</th>
              <th scope="col">AZ</th>
              <th scope="col">Instance state</th>
              <th scope="col">Health</th>
              <th scope="col">Served</th>
              <th scope="col">Carts</th>
            </tr>
          </thead>
          <tbody>
            {t.targets.map((r) => (
              <tr key={r.key} data-testid={`picture-target-${r.id}`}>
                <th scope="row">{r.id}</th>
                <td>{r.group}</td>
                <td>{r.az}</td>
                <td>{r.running}</td>
                <td>{r.health}</td>
                <td>{r.served}</td>
                <td>{r.carts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
