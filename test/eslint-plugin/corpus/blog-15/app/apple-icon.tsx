// Shape: the JSX returned as is, without ImageResponse.
export const size = { width: 180, height: 180 }
export const contentType = 'image/png'

export default function AppleIcon() {
  return ( // expect: image-function-returns-response
    <div style={{ display: 'flex', width: '100%', height: '100%', background: '#000', color: '#fff' }}>B</div>
  )
}
