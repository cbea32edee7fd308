// The parts of mvdan-sh (GopherJS build of mvdan.cc/sh/v3/syntax) this project uses; the package ships no typings.
declare module 'mvdan-sh' {
  export interface Pos {
    Line(): number;
    Col(): number;
    Offset(): number;
  }
  /** Any syntax node; fields depend on `syntax.NodeType(node)` (File, Stmt, CallExpr, Word, Lit, ...). */
  export interface Node {
    Pos(): Pos;
    End(): Pos;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    [field: string]: any;
  }
  export interface ParseError {
    Pos: Pos;
    Text: string;
    Incomplete?: boolean;
  }
  export interface Parser {
    Parse(src: string, name: string): Node;
    /** Calls `fn` with the statements of each complete line as it reads them; throws the first syntax error. */
    Interactive(src: string, fn: (stmts: Node[]) => boolean): void;
  }
  const sh: {
    syntax: {
      NewParser(...options: unknown[]): Parser;
      NodeType(node: Node): string;
      Walk(node: Node, visit: (node: Node | null) => boolean): void;
    };
  };
  export default sh;
}
