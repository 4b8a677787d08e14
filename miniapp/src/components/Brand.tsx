/** The 留才 logo block at the top of public pages. */
export function Brand() {
  return (
    <header className="brand">
      <div className="brand-logo">留</div>
      <h1>留才</h1>
      <p>钉钉原生的销售团队人事助手</p>
    </header>
  );
}
